package io.github.pinpointevents.gradle;

import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.run.FixtureCheck;
import io.github.pinpointevents.core.run.FixtureRun;
import io.github.pinpointevents.core.run.InputKind;
import io.github.pinpointevents.core.report.ReportFormat;
import io.github.pinpointevents.core.report.Summary;
import io.github.pinpointevents.core.report.TextReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gradle.api.DefaultTask;
import org.gradle.api.GradleException;
import org.gradle.api.InvalidUserDataException;
import org.gradle.api.file.ConfigurableFileCollection;
import org.gradle.api.file.DirectoryProperty;
import org.gradle.api.provider.ListProperty;
import org.gradle.api.provider.Property;
import org.gradle.api.tasks.CacheableTask;
import org.gradle.api.tasks.IgnoreEmptyDirectories;
import org.gradle.api.tasks.Input;
import org.gradle.api.tasks.InputFiles;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.OutputDirectory;
import org.gradle.api.tasks.PathSensitive;
import org.gradle.api.tasks.PathSensitivity;
import org.gradle.api.tasks.SkipWhenEmpty;
import org.gradle.api.tasks.TaskAction;

/**
 * Validates PutEvents request fixtures as the Maven goal {@code validate} does: each request must be accepted
 * whole by the service and sent by the AWS CLI, or decide exactly as its {@code NAME.expected.json} sibling
 * says; with {@code kind = "event-stream"}, checks event-stream records instead. Up to date (and cached) while the
 * fixtures, their expected answers and the settings are unchanged.
 */
@CacheableTask
public abstract class ValidatePinpointEventsTask extends DefaultTask {

    /** Findings quoted in the failure message; the rest are in the log and the reports. */
    static final int QUOTED_LINES = 20;

    // ABSOLUTE: the reports name each fixture by its path, so a cache hit from another checkout would carry
    // that checkout's paths.
    @InputFiles
    @SkipWhenEmpty
    @IgnoreEmptyDirectories
    @PathSensitive(PathSensitivity.ABSOLUTE)
    public abstract ConfigurableFileCollection getFixtures();

    /** The {@code *.expected.*} siblings: not validated, but they decide whether a fixture passes. */
    @InputFiles
    @IgnoreEmptyDirectories
    @PathSensitive(PathSensitivity.ABSOLUTE)
    public abstract ConfigurableFileCollection getExpectedAnswers();

    /** {@code request} or {@code event-stream}: what the fixtures hold. */
    @Input
    public abstract Property<String> getKind();

    @Input
    public abstract Property<Boolean> getFailOnError();

    @Input
    public abstract Property<Integer> getMaxAllowedFailures();

    @Input
    public abstract Property<Boolean> getStrict();

    @Input
    public abstract Property<Boolean> getServiceOnly();

    @Input
    public abstract ListProperty<String> getReportFormats();

    /** Not an input: the log and the reports do not depend on it. */
    @Internal
    public abstract Property<Integer> getThreads();

    @OutputDirectory
    public abstract DirectoryProperty getReportDirectory();

    @TaskAction
    public void validate() {
        List<ReportFormat> formats;
        FixtureRun run;
        try {
            formats = ReportFormat.parseAll(getReportFormats().get());
            run = new FixtureRun(ValidatorConfig.builder().strict(getStrict().get())
                    .clientValidation(!getServiceOnly().get()).build(), getThreads().get(), false,
                    InputKind.of(getKind().get()));
        } catch (IllegalArgumentException e) {
            throw new InvalidUserDataException(e.getMessage());
        }
        List<Path> files = getFixtures().getFiles().stream().map(File::toPath).sorted().toList();
        Path reports = getReportDirectory().get().getAsFile().toPath();
        List<String> quoted = new ArrayList<>();
        Summary summary;
        try {
            summary = FixtureCheck.run(run, files, formats, reports, line -> {
                log(line);
                if (line.kind() == TextReport.Kind.ERROR && quoted.size() < QUOTED_LINES) {
                    quoted.add(line.text());
                }
            });
        } catch (FixtureException e) {
            throw new GradleException(e.getMessage(), e);
        } catch (IOException e) {
            throw new GradleException("Cannot write the reports to " + reports + ": " + e.getMessage(), e);
        }
        String failure = FixtureCheck.failureMessage(summary, getMaxAllowedFailures().get(), reports);
        if (failure == null) {
            return;
        }
        if (!getFailOnError().get()) {
            getLogger().warn(failure + "; the build goes on because failOnError is false.");
            return;
        }
        throw new GradleException(failure + ":\n  " + String.join("\n  ", quoted));
    }

    private void log(TextReport.Line line) {
        switch (line.kind()) {
            case ERROR -> getLogger().error(line.text());
            case WARNING -> getLogger().warn(line.text());
            default -> getLogger().lifecycle(line.text());
        }
    }
}
