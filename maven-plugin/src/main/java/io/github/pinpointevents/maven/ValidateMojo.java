package io.github.pinpointevents.maven;

import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.fixture.FixtureDefaults;
import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.report.ReportFormat;
import io.github.pinpointevents.core.report.Summary;
import io.github.pinpointevents.core.run.FixtureCheck;
import io.github.pinpointevents.core.run.FixtureRun;
import io.github.pinpointevents.core.run.InputKind;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates PutEvents request fixtures: each request must be accepted whole by the service and sent by the
 * AWS CLI, or decide exactly as its {@code NAME.expected.json} sibling says. With {@code kind} event-stream, it
 * checks event-stream records instead. Rejected fixtures fail the build; reports go to {@code target/pinpoint-events/}.
 *
 * @since 0.1.0 (as is every parameter)
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.PROCESS_TEST_RESOURCES, threadSafe = true)
public class ValidateMojo extends AbstractPinpointMojo {

    /**
     * The directory searched for fixtures.
     */
    @Parameter(property = "pinpoint-events.fixtureDirectory",
            defaultValue = "${project.basedir}/" + FixtureDefaults.FIXTURE_DIRECTORY)
    private File fixtureDirectory;

    /**
     * Ant-style patterns of the fixtures to validate, relative to {@code fixtureDirectory}. Default:
     * {@code **}{@code /*.json}, {@code **}{@code /*.ndjson} and {@code **}{@code /*.jsonl}, the files the CLI
     * finds in a directory.
     */
    @Parameter
    private List<String> includes;

    /**
     * Ant-style patterns to leave out. Default: {@code **}{@code /*.expected.*}, the expected
     * answers beside the fixtures.
     */
    @Parameter
    private List<String> excludes;

    /**
     * What the fixtures hold: {@code request} (PutEvents requests) or {@code event-stream} (a producer's records,
     * one a line, checked against schemas/event-stream-record.schema.json; Firehose's S3 objects are found too).
     */
    @Parameter(property = "pinpoint-events.kind", defaultValue = "request")
    private String kind;

    /**
     * Fail the build when more fixtures fail than {@code maxAllowedFailures}; when false, only warn.
     */
    @Parameter(property = "pinpoint-events.failOnError", defaultValue = "" + FixtureDefaults.FAIL_ON_ERROR)
    private boolean failOnError;

    /**
     * How many failing requests the build tolerates.
     */
    @Parameter(property = "pinpoint-events.maxAllowedFailures",
            defaultValue = "" + FixtureDefaults.MAX_ALLOWED_FAILURES)
    private int maxAllowedFailures;

    /**
     * A request with warnings (what the service accepts but users rarely mean) fails too, except warnings about
     * what an official SDK sends by itself, such as amplify-android's ISO-3 {@code Locale}.
     */
    @Parameter(property = "pinpoint-events.strict")
    private boolean strict;

    /**
     * Judge by the service's decision alone: the AWS CLI's parameter validation is reported but does not fail
     * a request (SDKs other than the AWS CLI and boto3 skip it).
     */
    @Parameter(property = "pinpoint-events.serviceOnly")
    private boolean serviceOnly;

    /**
     * Report formats written to {@code reportDirectory}: any of {@code json} (pinpoint-events.json),
     * {@code sarif} (pinpoint-events.sarif, SARIF 2.1.0), {@code junit} (TEST-pinpoint-events.xml, the Surefire
     * shape), {@code html} (pinpoint-events.html, one self-contained page for a browser) and {@code text}
     * (pinpoint-events.txt).
     */
    @Parameter(property = "pinpoint-events.reportFormats", defaultValue = FixtureDefaults.REPORT_FORMATS)
    private List<String> reportFormats;

    /**
     * Where reports are written.
     */
    @Parameter(property = "pinpoint-events.reportDirectory",
            defaultValue = "${project.build.directory}/" + FixtureDefaults.REPORT_DIRECTORY)
    private File reportDirectory;

    /**
     * How many requests are decided at once; the log and the reports do not depend on it. Default: the number
     * of processors, at most 8.
     */
    @Parameter(property = "pinpoint-events.threads")
    private Integer threads;

    @Override
    protected String goal() {
        return "validate";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        List<ReportFormat> formats = parse(() -> ReportFormat.parseAll(reportFormats));
        FixtureRun run = parse(() -> new FixtureRun(ValidatorConfig.builder().strict(strict)
                .clientValidation(!serviceOnly).build(), threads != null ? threads : FixtureValidator.defaultThreads(),
                false, InputKind.of(kind)));
        List<Path> files = FixtureFiles.scan(fixtureDirectory, includes, excludes, run.kind(), getLog());
        Summary summary;
        try {
            summary = FixtureCheck.run(run, files, formats, reportDirectory.toPath(), this::log);
        } catch (FixtureException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + reportDirectory + ": "
                    + e.getMessage(), e);
        }
        String failure = FixtureCheck.failureMessage(summary, maxAllowedFailures, reportDirectory.toPath());
        if (failure != null && failOnError) {
            throw new MojoFailureException(failure);
        } else if (failure != null) {
            getLog().warn(failure + "; the build goes on because failOnError is false.");
        }
    }

    /** A parameter's value parsed by the core; the core's one-line message is the build error. */
    private static <T> T parse(Supplier<T> parser) throws MojoExecutionException {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }
}
