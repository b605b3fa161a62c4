package io.github.pinpointevents.maven;

import io.github.pinpointevents.core.fixture.FixtureDefaults;
import io.github.pinpointevents.core.generate.GeneratedDirectory;
import io.github.pinpointevents.core.generate.GenerationSummary;
import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.generate.GeneratorOptions;
import io.github.pinpointevents.core.generate.OutputException;
import io.github.pinpointevents.core.generate.OutputFormat;
import java.io.File;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates realistic, deterministic PutEvents requests (valid, or with broken items and their expected answers)
 * into {@code target/generated-test-resources/pinpoint-events}, and adds that directory to the test resources.
 * Parameters left out take the generator's defaults ({@code pinpoint-events generate --help} shows them). When
 * nothing has changed since the last run, it does nothing.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_TEST_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractPinpointMojo {

    /** Written beside the output: what it was generated from. Its presence also marks the output as ours. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /**
     * Where requests are written; added to the project's test resources.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.outputDirectory",
            defaultValue = "${project.build.directory}/" + FixtureDefaults.GENERATED_DIRECTORY)
    private File outputDirectory;

    /**
     * How requests are written: {@code requests} (one request body per file, with an index), {@code cli-input}
     * (one AWS CLI input document per file), {@code ndjson} (requests.ndjson), {@code json-array} (requests.json)
     * or {@code event-stream} (records.ndjson: the accepted events' event-stream records, docs/event-stream.md).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.format", defaultValue = FixtureDefaults.GENERATE_FORMAT)
    private String format;

    /**
     * How many requests.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.count")
    private Long count;

    /**
     * The seed every random choice derives from: the same seed and parameters give the same bytes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.seed")
    private Long seed;

    /**
     * The ApplicationId of every request.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.applicationId")
    private String applicationId;

    /**
     * Start of the time window of every timestamp, an ISO 8601 instant such as {@code 2025-01-01T00:00:00Z}
     * or a plain date such as {@code 2025-01-01} (midnight UTC), as the CLI's {@code --start} takes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.start")
    private String start;

    /**
     * End of the time window (exclusive), an ISO 8601 instant or a plain date.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.end")
    private String end;

    /**
     * Endpoints per request (1 to 100); the mobile SDKs send one.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.endpointsPerRequest")
    private Integer endpointsPerRequest;

    /**
     * Events per request (at most 100); 0 lets each endpoint send one session of natural length.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.eventsPerRequest")
    private Integer eventsPerRequest;

    /**
     * Relative weights of the platforms, for example {@code <android>3</android><ios>1</ios>}; platforms not
     * named keep their default weight.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, Double> platforms;

    /**
     * Relative weights of the SDKs within their platform, for example {@code <amplify-js>1</amplify-js>}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, Double> sdks;

    /**
     * The probability, 0 to 1, that a request breaks one rule; its expected answer is written beside it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.invalidRate")
    private Double invalidRate;

    /**
     * The rule ids mutations may break ({@code pinpoint-events generate --list-mutations}); all by default.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> mutations;

    /**
     * Threads that generate requests; the output does not depend on it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.threads")
    private Integer threads;

    /**
     * Regenerate even when nothing has changed, and write into a non-empty output directory this goal did not
     * write.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.generate.force")
    private boolean force;

    @Override
    protected String goal() {
        return "generate";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException {
        GeneratedDirectory directory = new GeneratedDirectory(outputDirectory.toPath());
        GeneratorConfig config = config(directory);
        addTestResource();
        try {
            if (!force && directory.isUpToDate(config)) {
                getLog().info("Generated requests in " + directory.path() + " are up to date.");
                return;
            }
            GenerationSummary summary = directory.write(config, false);
            getLog().info("Generated " + summary.requests() + " requests (" + summary.events() + " events, "
                    + summary.invalid() + " invalid) in " + directory.path());
        } catch (OutputException e) {
            throw new MojoExecutionException(e.getMessage() + (force ? "" : " (set force to write over it)"), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + directory.path() + ": " + e.getMessage(), e);
        }
    }

    private GeneratorConfig config(GeneratedDirectory directory) throws MojoExecutionException {
        try {
            GeneratorConfig.Builder b = directory.configFor(OutputFormat.of(format), force);
            set(count, b::count);
            set(seed, b::seed);
            set(applicationId, b::applicationId);
            set(start, v -> b.start(GeneratorConfig.parseInstant(v)));
            set(end, v -> b.end(GeneratorConfig.parseInstant(v)));
            set(endpointsPerRequest, b::endpointsPerRequest);
            set(eventsPerRequest, b::eventsPerRequest);
            set(platforms, v -> b.platformWeights(GeneratorOptions.platformWeights(v)));
            set(sdks, v -> b.sdkWeights(GeneratorOptions.sdkWeights(v)));
            set(invalidRate, b::invalidRate);
            set(mutations, v -> b.mutations(new LinkedHashSet<>(v)));
            set(threads, b::threads);
            return b.build();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MojoExecutionException("Invalid generate configuration: " + e.getMessage(), e);
        }
    }

    /** Applies a parameter the POM sets; one it leaves out keeps the core's default. */
    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private void addTestResource() {
        String path = outputDirectory.getAbsolutePath();
        if (project.getTestResources().stream().noneMatch(r -> path.equals(r.getDirectory()))) {
            Resource resource = new Resource();
            resource.setDirectory(path);
            project.addTestResource(resource);
        }
    }
}
