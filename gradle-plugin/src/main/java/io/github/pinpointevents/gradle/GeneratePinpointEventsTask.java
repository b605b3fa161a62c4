package io.github.pinpointevents.gradle;

import io.github.pinpointevents.core.generate.GenerationSummary;
import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.generate.GeneratorOutput;
import io.github.pinpointevents.core.generate.OutputException;
import io.github.pinpointevents.core.generate.OutputFormat;
import io.github.pinpointevents.core.generate.Platform;
import io.github.pinpointevents.core.generate.Sdk;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gradle.api.DefaultTask;
import org.gradle.api.GradleException;
import org.gradle.api.InvalidUserDataException;
import org.gradle.api.file.DirectoryProperty;
import org.gradle.api.provider.ListProperty;
import org.gradle.api.provider.MapProperty;
import org.gradle.api.provider.Property;
import org.gradle.api.tasks.CacheableTask;
import org.gradle.api.tasks.Input;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.OutputDirectory;
import org.gradle.api.tasks.TaskAction;

/**
 * Generates realistic, deterministic PutEvents requests (valid, or with broken items and their expected
 * answers) as the Maven goal {@code generate} does. The output depends only on the inputs, so the task is up to
 * date, and cacheable, while they are unchanged; the plugin adds its directory to the test resources.
 */
@CacheableTask
public abstract class GeneratePinpointEventsTask extends DefaultTask {

    @Input
    public abstract Property<String> getFormat();

    @Input
    public abstract Property<Long> getCount();

    @Input
    public abstract Property<Long> getSeed();

    @Input
    public abstract Property<String> getApplicationId();

    @Input
    public abstract Property<String> getStart();

    @Input
    public abstract Property<String> getEnd();

    @Input
    public abstract Property<Integer> getEndpointsPerRequest();

    @Input
    public abstract Property<Integer> getEventsPerRequest();

    @Input
    public abstract MapProperty<String, Double> getPlatforms();

    @Input
    public abstract MapProperty<String, Double> getSdks();

    @Input
    public abstract Property<Double> getInvalidRate();

    @Input
    public abstract ListProperty<String> getMutations();

    /** Not an input: the output does not depend on it. */
    @Internal
    public abstract Property<Integer> getThreads();

    @OutputDirectory
    public abstract DirectoryProperty getOutputDirectory();

    @TaskAction
    public void generate() {
        Path dir = getOutputDirectory().get().getAsFile().toPath();
        // The directory is this task's own output, so an earlier run's files are replaced, never mixed in.
        GeneratorConfig config = config(dir);
        try {
            clear(dir);
            GenerationSummary summary = GeneratorOutput.write(config, OutputStream.nullOutputStream(),
                    (done, total) -> { });
            getLogger().lifecycle("Generated " + summary.requests() + " requests (" + summary.events()
                    + " events, " + summary.invalid() + " invalid) in " + dir);
        } catch (OutputException e) {
            throw new GradleException(e.getMessage(), e);
        } catch (IOException e) {
            throw new GradleException("Cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The core's configuration these settings map onto. */
    GeneratorConfig config(Path dir) {
        try {
            OutputFormat format = OutputFormat.of(getFormat().get());
            GeneratorConfig defaults = GeneratorConfig.defaults();
            GeneratorConfig.Builder b = GeneratorConfig.builder().format(format).force(true)
                    .output(format.directory() ? dir
                            : dir.resolve(format == OutputFormat.JSON_ARRAY ? "requests.json" : "requests.ndjson"))
                    .count(getCount().get()).seed(getSeed().get()).applicationId(getApplicationId().get())
                    .start(Instant.parse(getStart().get())).end(Instant.parse(getEnd().get()))
                    .endpointsPerRequest(getEndpointsPerRequest().get())
                    .eventsPerRequest(getEventsPerRequest().get())
                    .platformWeights(weights(defaults.platformWeights(), getPlatforms().get(), Platform::of,
                            Platform.class))
                    .sdkWeights(weights(defaults.sdkWeights(), getSdks().get(), Sdk::of, Sdk.class))
                    .invalidRate(getInvalidRate().get())
                    .mutations(new LinkedHashSet<>(getMutations().get()))
                    .threads(getThreads().get());
            return b.build();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidUserDataException("Invalid pinpointEvents generate setting: " + e.getMessage(), e);
        }
    }

    private static <K extends Enum<K>> Map<K, Double> weights(Map<K, Double> defaults, Map<String, Double> given,
            Function<String, K> key, Class<K> type) {
        Map<K, Double> weights = new EnumMap<>(type);
        weights.putAll(defaults);
        given.forEach((name, weight) -> weights.put(key.apply(name), weight));
        return weights;
    }

    private static void clear(Path dir) throws IOException {
        Files.createDirectories(dir); // Gradle creates an output directory, but an action may run on its own
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.delete(p);
            }
        }
    }
}
