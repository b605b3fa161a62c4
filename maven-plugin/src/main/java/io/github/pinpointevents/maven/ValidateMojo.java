package io.github.pinpointevents.maven;

import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.fixture.FixtureDefaults;
import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.report.FixtureCheck;
import io.github.pinpointevents.core.report.ReportFormat;
import io.github.pinpointevents.core.report.Summary;
import io.github.pinpointevents.core.report.TextReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.util.DirectoryScanner;

/**
 * Validates PutEvents request fixtures: each request must be accepted whole by the service and sent by the
 * AWS CLI, or decide exactly as its {@code NAME.expected.json} sibling says. Rejected fixtures fail the build;
 * reports are written to {@code target/pinpoint-events/}.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.PROCESS_TEST_RESOURCES, threadSafe = true)
public class ValidateMojo extends AbstractPinpointMojo {

    /**
     * The directory searched for fixtures.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.fixtureDirectory",
            defaultValue = "${project.basedir}/" + FixtureDefaults.FIXTURE_DIRECTORY)
    private File fixtureDirectory;

    /**
     * Ant-style patterns of the fixtures to validate, relative to {@code fixtureDirectory}. Default:
     * {@code **}{@code /*.json} and {@code **}{@code /*.ndjson}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> includes;

    /**
     * Ant-style patterns to leave out. Default: {@code **}{@code /*.expected.json} and
     * {@code **}{@code /*.expected.ndjson}, the expected answers beside the fixtures.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> excludes;

    /**
     * Fail the build when more fixtures fail than {@code maxAllowedFailures}; when false, only warn.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.failOnError", defaultValue = "" + FixtureDefaults.FAIL_ON_ERROR)
    private boolean failOnError;

    /**
     * How many failing requests the build tolerates.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.maxAllowedFailures",
            defaultValue = "" + FixtureDefaults.MAX_ALLOWED_FAILURES)
    private int maxAllowedFailures;

    /**
     * A request with warnings (what the service accepts but users rarely mean) fails too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.strict")
    private boolean strict;

    /**
     * Judge by the service's decision alone: the AWS CLI's parameter validation is reported but does not fail
     * a request (SDKs other than the AWS CLI and boto3 skip it).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.serviceOnly")
    private boolean serviceOnly;

    /**
     * Report formats written to {@code reportDirectory}: any of {@code json} (pinpoint-events.json),
     * {@code sarif} (pinpoint-events.sarif, SARIF 2.1.0), {@code junit} (TEST-pinpoint-events.xml, the Surefire
     * shape) and {@code text} (pinpoint-events.txt).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.reportFormats", defaultValue = FixtureDefaults.REPORT_FORMATS)
    private List<String> reportFormats;

    /**
     * Where reports are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.reportDirectory",
            defaultValue = "${project.build.directory}/" + FixtureDefaults.REPORT_DIRECTORY)
    private File reportDirectory;

    /**
     * How many requests are decided at once; the log and the reports do not depend on it. Default: the number
     * of processors, at most 8.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.threads")
    private Integer threads;

    @Override
    protected String goal() {
        return "validate";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        List<ReportFormat> formats = formats();
        List<Path> files = fixtures();
        ValidatorConfig.Builder config = ValidatorConfig.builder();
        if (strict) {
            config.strict(true);
        }
        if (serviceOnly) {
            config.clientValidation(false);
        }
        if (threads != null && threads < 1) {
            throw new MojoExecutionException("threads must be 1 or more: " + threads);
        }
        FixtureValidator validator = new FixtureValidator(PutEventsValidator.create(config.build()),
                threads != null ? threads : FixtureValidator.defaultThreads());
        Summary summary;
        try {
            summary = FixtureCheck.run(validator, files, formats, reportDirectory.toPath(), this::log);
        } catch (FixtureException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + reportDirectory + ": "
                    + e.getMessage(), e);
        }
        String failure = FixtureCheck.failureMessage(summary, maxAllowedFailures, reportDirectory.toPath());
        if (failure != null) {
            if (failOnError) {
                throw new MojoFailureException(failure);
            }
            getLog().warn(failure + "; the build goes on because failOnError is false.");
        }
    }

    private void log(TextReport.Line line) {
        switch (line.kind()) {
            case ERROR -> getLog().error(line.text());
            case WARNING -> getLog().warn(line.text());
            default -> getLog().info(line.text());
        }
    }

    private List<Path> fixtures() throws MojoExecutionException {
        if (!fixtureDirectory.isDirectory()) {
            if (fixtureDirectory.exists()) {
                throw new MojoExecutionException("fixtureDirectory is not a directory: " + fixtureDirectory);
            }
            getLog().info("No fixtures: " + fixtureDirectory + " does not exist.");
            return List.of();
        }
        DirectoryScanner scanner = new DirectoryScanner();
        scanner.setBasedir(fixtureDirectory);
        scanner.setIncludes(orDefault(includes, FixtureDefaults.INCLUDES));
        scanner.setExcludes(orDefault(excludes, FixtureDefaults.EXCLUDES));
        scanner.scan();
        List<Path> files = new ArrayList<>();
        for (String name : scanner.getIncludedFiles()) {
            files.add(fixtureDirectory.toPath().resolve(name));
        }
        files.sort(null);
        return files;
    }

    private List<ReportFormat> formats() throws MojoExecutionException {
        List<ReportFormat> formats = new ArrayList<>();
        for (String name : reportFormats == null ? List.<String>of() : reportFormats) {
            if (name.isBlank()) {
                continue;
            }
            try {
                formats.add(ReportFormat.parse(name));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("Unknown report format '" + name
                        + "': use json, sarif, junit or text");
            }
        }
        return formats;
    }

    private static String[] orDefault(List<String> patterns, List<String> defaults) {
        return (patterns == null || patterns.isEmpty() ? defaults : patterns).toArray(String[]::new);
    }
}
