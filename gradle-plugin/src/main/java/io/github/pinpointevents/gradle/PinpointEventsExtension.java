package io.github.pinpointevents.gradle;

import org.gradle.api.file.DirectoryProperty;
import org.gradle.api.provider.ListProperty;
import org.gradle.api.provider.MapProperty;
import org.gradle.api.provider.Property;

/**
 * {@code pinpointEvents { ... }}: the settings of both tasks, named as the Maven goals' parameters. The plugin
 * sets each convention from the core ({@code FixtureDefaults}, {@code GeneratorConfig.defaults()}); all are lazy.
 * Generator settings left unset keep the generator's defaults.
 */
public abstract class PinpointEventsExtension {

    /** The directory searched for fixtures; default {@code src/test/resources}. */
    public abstract DirectoryProperty getFixtureDirectory();

    /** Ant-style patterns of the fixtures, relative to {@code fixtureDirectory}. */
    public abstract ListProperty<String> getIncludes();

    /** Ant-style patterns left out; default the {@code *.expected.json}/{@code .ndjson} answers. */
    public abstract ListProperty<String> getExcludes();

    /** What the fixtures hold: {@code request} (default) or {@code event-stream} (event-stream records). */
    public abstract Property<String> getKind();

    /** Fail the build when more requests fail than {@code maxAllowedFailures}; when false, only warn. */
    public abstract Property<Boolean> getFailOnError();

    /** How many failing requests the build tolerates. */
    public abstract Property<Integer> getMaxAllowedFailures();

    /** A request with warnings fails too. */
    public abstract Property<Boolean> getStrict();

    /** Judge by the service's decision alone; the AWS CLI's parameter validation is only reported. */
    public abstract Property<Boolean> getServiceOnly();

    /** Report formats: any of json, sarif, junit, text. */
    public abstract ListProperty<String> getReportFormats();

    /** Where reports go; default {@code build/pinpoint-events}. */
    public abstract DirectoryProperty getReportDirectory();

    /** Requests decided at once; reports do not depend on it. */
    public abstract Property<Integer> getThreads();

    /** Where generated requests go; default {@code build/generated-test-resources/pinpoint-events}. */
    public abstract DirectoryProperty getOutputDirectory();

    /** requests, cli-input, ndjson, json-array or event-stream. */
    public abstract Property<String> getFormat();

    public abstract Property<Long> getCount();

    public abstract Property<Long> getSeed();

    public abstract Property<String> getApplicationId();

    /** Start of the timestamps' window, an ISO 8601 instant. */
    public abstract Property<String> getStart();

    /** End of the timestamps' window (exclusive), an ISO 8601 instant. */
    public abstract Property<String> getEnd();

    public abstract Property<Integer> getEndpointsPerRequest();

    /** 0 lets each endpoint send one session of natural length. */
    public abstract Property<Integer> getEventsPerRequest();

    /** Relative platform weights, e.g. {@code ["android": 3.0]}; platforms not named keep their weight. */
    public abstract MapProperty<String, Double> getPlatforms();

    /** Relative SDK weights within their platform. */
    public abstract MapProperty<String, Double> getSdks();

    /** The probability, 0 to 1, that a request breaks one rule. */
    public abstract Property<Double> getInvalidRate();

    /** Rule ids mutations may break; all when empty. */
    public abstract ListProperty<String> getMutations();
}
