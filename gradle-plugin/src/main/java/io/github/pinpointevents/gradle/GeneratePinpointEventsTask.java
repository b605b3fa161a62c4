package io.github.pinpointevents.gradle;

import io.github.pinpointevents.core.generate.GeneratedDirectory;
import io.github.pinpointevents.core.generate.GenerationSummary;
import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.generate.GeneratorOptions;
import io.github.pinpointevents.core.generate.OutputException;
import io.github.pinpointevents.core.generate.OutputFormat;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
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
        // The directory is this task's own output, so an earlier run's files are replaced, never mixed in;
        // Gradle's own up-to-date check decides whether the action runs at all.
        GeneratedDirectory directory = new GeneratedDirectory(getOutputDirectory().get().getAsFile().toPath());
        try {
            GenerationSummary summary = directory.write(config(directory), true);
            getLogger().lifecycle("Generated " + summary.requests() + " requests (" + summary.events()
                    + " events, " + summary.invalid() + " invalid) in " + directory.path());
        } catch (OutputException e) {
            throw new GradleException(e.getMessage(), e);
        } catch (IOException e) {
            throw new GradleException("Cannot write " + directory.path() + ": " + e.getMessage(), e);
        }
    }

    /** The core's configuration these settings map onto. */
    GeneratorConfig config(GeneratedDirectory directory) {
        try {
            return directory.configFor(OutputFormat.of(getFormat().get()), true)
                    .count(getCount().get()).seed(getSeed().get()).applicationId(getApplicationId().get())
                    .start(GeneratorConfig.parseInstant(getStart().get()))
                    .end(GeneratorConfig.parseInstant(getEnd().get()))
                    .endpointsPerRequest(getEndpointsPerRequest().get())
                    .eventsPerRequest(getEventsPerRequest().get())
                    .platformWeights(GeneratorOptions.platformWeights(getPlatforms().get()))
                    .sdkWeights(GeneratorOptions.sdkWeights(getSdks().get()))
                    .invalidRate(getInvalidRate().get())
                    .mutations(new LinkedHashSet<>(getMutations().get()))
                    .threads(getThreads().get())
                    .build();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidUserDataException("Invalid pinpointEvents generate setting: " + e.getMessage(), e);
        }
    }
}
