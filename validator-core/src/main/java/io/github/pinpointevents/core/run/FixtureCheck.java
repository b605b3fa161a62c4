package io.github.pinpointevents.core.run;

import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.report.ReportFormat;
import io.github.pinpointevents.core.report.Summary;
import io.github.pinpointevents.core.report.TextReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link FixtureRun} as a build runs it (the Maven goal, the Gradle task): each result logged as text lines,
 * one report file per format in a report directory, and the build's failure message.
 */
public final class FixtureCheck {

    private FixtureCheck() {
    }

    /**
     * Validates {@code files}, logs each result's lines and the summary line to {@code log}, and writes one
     * report per format into {@code reportDirectory} (created if missing).
     *
     * @throws FixtureException when a fixture cannot be read
     * @throws IOException when a report cannot be written
     */
    public static Summary run(FixtureRun run, List<Path> files, List<ReportFormat> formats, Path reportDirectory,
            Consumer<TextReport.Line> log) throws FixtureException, IOException {
        if (!formats.isEmpty()) {
            Files.createDirectories(reportDirectory);
        }
        TextReport text = new TextReport(false);
        List<FixtureRun.Target> targets = formats.stream().<FixtureRun.Target>map(f ->
                new FixtureRun.Target.ToFile(reportDirectory.resolve(f.fileName()), f::open)).toList();
        Summary summary = run.run(files, InputStream.nullInputStream(), targets,
                result -> text.lines(result).forEach(log));
        log.accept(TextReport.summaryLine(summary));
        return summary;
    }

    /** The message a build fails with when more than {@code maxAllowedFailures} requests fail, or null. */
    public static String failureMessage(Summary summary, int maxAllowedFailures, Path reportDirectory) {
        String failure = summary.failureMessage(maxAllowedFailures);
        return failure == null ? null : failure + "; reports in " + reportDirectory;
    }
}
