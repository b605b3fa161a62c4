package io.github.pinpointevents.core.generate;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The generator's settings; the one place their defaults live. Front ends map their options onto a
 * {@link #builder()} and never restate a default. The output depends only on these values, never on the clock,
 * the machine or {@link #threads()}.
 *
 * @param seed the seed every random choice derives from
 * @param count how many requests the whole (unsharded) run holds
 * @param applicationId the ApplicationId of every request
 * @param start first instant of the time window every timestamp falls in (inclusive)
 * @param end last instant of the window (exclusive)
 * @param endpointsPerRequest endpoints (BatchItem entries) per request, 1 to 100
 * @param eventsPerRequest events per request, {@code endpointsPerRequest} to 100; 0 lets each endpoint send one
 *        session of natural length (at most 100 events in all)
 * @param platformWeights relative weights of the platforms endpoints run on
 * @param sdkWeights relative weights of the SDKs within each platform
 * @param invalidRate the probability, 0 to 1, that a request carries one mutation that breaks one rule
 * @param mutations the rule ids mutations may break; empty means every rule the format can carry
 * @param format how requests are written; {@link OutputFormat#REQUESTS} alone can carry malformed JSON
 * @param output the file or directory to write; null writes NDJSON or the JSON array to the given stream
 * @param force whether an existing output file, or a non-empty output directory, may be written over
 * @param threads how many threads generate requests (the output does not depend on it)
 * @param shardIndex which shard to generate, 0 to {@code shardCount - 1}
 * @param shardCount into how many contiguous shards the run is split; their outputs concatenate to the whole
 * @param firehoseStream null, or the name of the Firehose stream whose S3 layout the event-stream records are
 *        written in ({@code output/YYYY/MM/DD/HH/STREAM-1-...}; {@code FirehoseLayout} says how)
 */
public record GeneratorConfig(long seed, long count, String applicationId, Instant start, Instant end,
        int endpointsPerRequest, int eventsPerRequest, Map<Platform, Double> platformWeights,
        Map<Sdk, Double> sdkWeights, double invalidRate, Set<String> mutations, OutputFormat format, Path output,
        boolean force, int threads, int shardIndex, int shardCount, String firehoseStream) {

    /**
     * A time-window bound as every front end takes it: an instant ({@code 2025-01-06T00:00:00Z}) or a plain
     * date ({@code 2025-01-06}, midnight UTC).
     *
     * @throws IllegalArgumentException naming both accepted forms
     */
    public static Instant parseInstant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an instant such as 2025-01-06T00:00:00Z or a"
                    + " date such as 2025-01-06");
        }
    }


    /** The service's limit on events in one request. */
    public static final int MAX_EVENTS_PER_REQUEST = 100;

    /** The service's limit on the size of one request body, in bytes. */
    public static final int MAX_REQUEST_BYTES = 4_000_000;

    public GeneratorConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(format, "format");
        platformWeights = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(platformWeights)));
        sdkWeights = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(sdkWeights)));
        mutations = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(mutations)));
        check(count >= 0, "count must be 0 or more");
        check(!applicationId.isEmpty(), "application id must not be empty");
        check(start.isBefore(end), "the time window's start must be before its end");
        check(end.toEpochMilli() - start.toEpochMilli() >= 60_000, "the time window must be at least one minute long");
        check(endpointsPerRequest >= 1 && endpointsPerRequest <= MAX_EVENTS_PER_REQUEST,
                "endpoints per request must be 1 to " + MAX_EVENTS_PER_REQUEST);
        check(eventsPerRequest == 0 || eventsPerRequest >= endpointsPerRequest
                && eventsPerRequest <= MAX_EVENTS_PER_REQUEST,
                "events per request must be 0 (natural) or from the number of endpoints per request ("
                        + endpointsPerRequest + ") to " + MAX_EVENTS_PER_REQUEST);
        check(invalidRate >= 0 && invalidRate <= 1, "invalid rate must be 0 to 1");
        check(threads >= 1, "threads must be 1 or more");
        check(shardCount >= 1 && shardIndex >= 0 && shardIndex < shardCount,
                "shard must be i/n with 0 <= i < n");
        checkWeights(platformWeights, "platform");
        checkWeights(sdkWeights, "SDK");
        check(usable(platformWeights, sdkWeights),
                "no platform with a positive weight has an SDK with a positive weight");
        for (String id : mutations) {
            check(Mutations.ruleIds().contains(id), "no mutation breaks rule '" + id + "' (mutable rules: "
                    + String.join(", ", Mutations.ruleIds()) + ")");
        }
        check(!format.directory() || output != null, "format " + format.id() + " needs an output directory");
        check(invalidRate == 0 || output != null || format == OutputFormat.EVENT_STREAM,
                "an invalid rate needs an output path: the expected answers are written beside the requests");
        check(firehoseStream == null || format == OutputFormat.EVENT_STREAM && output != null,
                "the Firehose layout needs format event-stream and an output directory");
        check(firehoseStream == null || FIREHOSE_STREAM_NAME.matcher(firehoseStream).matches(),
                "'" + firehoseStream + "' is not a Firehose stream name (1 to 64 of a-z, A-Z, 0-9, _ . -)");
        check(firehoseStream == null || shardCount == 1,
                "the Firehose layout is written whole: shards would name the same S3 objects");
    }

    /**
     * A Firehose stream name: 1 to 64 of {@code [a-zA-Z0-9_.-]}, as
     * https://docs.aws.amazon.com/ivs/latest/ChatAPIReference/API_FirehoseDestinationConfiguration.html states it.
     */
    private static final java.util.regex.Pattern FIREHOSE_STREAM_NAME =
            java.util.regex.Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

    private static boolean usable(Map<Platform, Double> platforms, Map<Sdk, Double> sdks) {
        return platforms.entrySet().stream().anyMatch(p -> p.getValue() > 0 && sdks.entrySet().stream()
                .anyMatch(s -> s.getKey().platform() == p.getKey() && s.getValue() > 0));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void checkWeights(Map<?, Double> weights, String what) {
        weights.forEach((k, w) -> check(w != null && w >= 0 && Double.isFinite(w),
                what + " weight of " + k + " must be a finite number, 0 or more"));
        check(weights.values().stream().mapToDouble(Double::doubleValue).sum() > 0,
                "at least one " + what + " weight must be positive");
    }

    public static GeneratorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.count = count;
        b.applicationId = applicationId;
        b.start = start;
        b.end = end;
        b.endpointsPerRequest = endpointsPerRequest;
        b.eventsPerRequest = eventsPerRequest;
        b.platformWeights = new EnumMap<>(platformWeights);
        b.sdkWeights = new EnumMap<>(sdkWeights);
        b.invalidRate = invalidRate;
        b.mutations = new LinkedHashSet<>(mutations);
        b.format = format;
        b.output = output;
        b.force = force;
        b.threads = threads;
        b.shardIndex = shardIndex;
        b.shardCount = shardCount;
        b.firehoseStream = firehoseStream;
        return b;
    }

    /** The first request index of this shard (inclusive). */
    public long firstIndex() {
        return shardBoundary(shardIndex);
    }

    /** The request index after this shard's last. */
    public long endIndex() {
        return shardBoundary(shardIndex + 1);
    }

    private long shardBoundary(int shard) {
        return java.math.BigInteger.valueOf(count).multiply(java.math.BigInteger.valueOf(shard))
                .divide(java.math.BigInteger.valueOf(shardCount)).longValueExact();
    }

    /** Builds a {@link GeneratorConfig}; every setter is optional. */
    public static final class Builder {
        private long seed = 1;
        private long count = 100;
        private String applicationId = "7f0d1b6e2c3a4e5f8a9b0c1d2e3f4a5b";
        private Instant start = Instant.parse("2025-01-06T00:00:00Z");
        private Instant end = Instant.parse("2025-01-13T00:00:00Z");
        private int endpointsPerRequest = 1;
        private int eventsPerRequest = 0;
        private Map<Platform, Double> platformWeights = new EnumMap<>(Map.of(
                Platform.ANDROID, 45.0, Platform.IOS, 35.0, Platform.WEB, 20.0));
        private Map<Sdk, Double> sdkWeights = new EnumMap<>(Map.of(
                Sdk.AMPLIFY_ANDROID, 60.0, Sdk.AWS_SDK_ANDROID, 40.0,
                Sdk.AMPLIFY_SWIFT, 60.0, Sdk.AWS_SDK_IOS, 40.0,
                Sdk.AMPLIFY_JS, 75.0, Sdk.SERVER, 25.0));
        private double invalidRate = 0;
        private Set<String> mutations = new LinkedHashSet<>();
        private OutputFormat format = OutputFormat.NDJSON;
        private Path output;
        private boolean force;
        private int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        private int shardIndex = 0;
        private int shardCount = 1;
        private String firehoseStream;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder count(long count) {
            this.count = count;
            return this;
        }

        public Builder applicationId(String applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        public Builder end(Instant end) {
            this.end = end;
            return this;
        }

        public Builder endpointsPerRequest(int endpointsPerRequest) {
            this.endpointsPerRequest = endpointsPerRequest;
            return this;
        }

        public Builder eventsPerRequest(int eventsPerRequest) {
            this.eventsPerRequest = eventsPerRequest;
            return this;
        }

        /** Replaces the weights of the platforms named; the others keep theirs. */
        public Builder platformWeights(Map<Platform, Double> weights) {
            this.platformWeights.putAll(weights);
            return this;
        }

        /** Replaces the weights of the SDKs named; the others keep theirs. */
        public Builder sdkWeights(Map<Sdk, Double> weights) {
            this.sdkWeights.putAll(weights);
            return this;
        }

        public Builder invalidRate(double invalidRate) {
            this.invalidRate = invalidRate;
            return this;
        }

        public Builder mutations(Set<String> ruleIds) {
            this.mutations = new LinkedHashSet<>(ruleIds);
            return this;
        }

        public Builder format(OutputFormat format) {
            this.format = format;
            return this;
        }

        public Builder output(Path output) {
            this.output = output;
            return this;
        }

        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder shard(int index, int count) {
            this.shardIndex = index;
            this.shardCount = count;
            return this;
        }

        /** Writes the event-stream records as Firehose stream {@code name} delivers them to S3; null: one file. */
        public Builder firehoseStream(String name) {
            this.firehoseStream = name;
            return this;
        }

        public GeneratorConfig build() {
            return new GeneratorConfig(seed, count, applicationId, start, end, endpointsPerRequest, eventsPerRequest,
                    platformWeights, sdkWeights, invalidRate, mutations, format, output, force, threads, shardIndex,
                    shardCount, firehoseStream);
        }
    }
}
