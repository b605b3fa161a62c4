package io.github.pinpointevents.maven;

import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.fixture.RequestResult;
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
    @Parameter(property = "pinpoint-events.fixtureDirectory", defaultValue = "${project.basedir}/src/test/resources")
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
    @Parameter(property = "pinpoint-events.failOnError", defaultValue = "true")
    private boolean failOnError;

    /**
     * How many failing requests the build tolerates.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.maxAllowedFailures", defaultValue = "0")
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
    @Parameter(property = "pinpoint-events.reportFormats", defaultValue = "json,sarif,junit")
    private List<String> reportFormats;

    /**
     * Where reports are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.reportDirectory",
            defaultValue = "${project.build.directory}/pinpoint-events")
    private File reportDirectory;

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
        List<RequestResult> results;
        try {
            results = new FixtureValidator(PutEventsValidator.create(config.build())).validateFiles(files);
        } catch (FixtureException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (TextReport.Line line : new TextReport(false).lines(results)) {
            switch (line.kind()) {
                case ERROR -> getLog().error(line.text());
                case WARNING -> getLog().warn(line.text());
                default -> getLog().info(line.text());
            }
        }
        for (ReportFormat format : formats) {
            try {
                getLog().debug("Wrote " + format.writeTo(results, reportDirectory.toPath()));
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write the " + format + " report to " + reportDirectory, e);
            }
        }
        int failed = Summary.of(results).failed();
        if (failed > maxAllowedFailures) {
            String message = failed + (failed == 1 ? " fixture request fails" : " fixture requests fail")
                    + (maxAllowedFailures > 0 ? " (at most " + maxAllowedFailures + " allowed)" : "")
                    + "; reports in " + reportDirectory;
            if (failOnError) {
                throw new MojoFailureException(message);
            }
            getLog().warn(message + "; the build goes on because failOnError is false.");
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
        scanner.setIncludes(orDefault(includes, "**/*.json", "**/*.ndjson"));
        scanner.setExcludes(orDefault(excludes, "**/*.expected.json", "**/*.expected.ndjson"));
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

    private static String[] orDefault(List<String> patterns, String... defaults) {
        return patterns == null || patterns.isEmpty() ? defaults : patterns.toArray(String[]::new);
    }
}
