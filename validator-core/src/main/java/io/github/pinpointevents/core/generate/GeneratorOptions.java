package io.github.pinpointevents.core.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The generator's options as text, such as {@code --count 10}: the one parser front ends share, with one-line
 * messages that name the option, and the defaults their help shows, read from {@link GeneratorConfig#defaults()}.
 * {@code --output} and {@code --force} are the front end's own (a path, a flag).
 */
public final class GeneratorOptions {

    /** The options {@link #apply} understands, in the order the help lists them. */
    public static final List<String> NAMES = List.of("--count", "--seed", "--format", "--application-id",
            "--start", "--end", "--endpoints-per-request", "--events-per-request", "--platforms", "--sdks",
            "--invalid-rate", "--mutations", "--threads", "--shard", "--firehose-layout");

    /** The Firehose stream name of {@code --firehose-layout} given without one. */
    public static final String DEFAULT_FIREHOSE_STREAM = "pinpoint-events";

    private GeneratorOptions() {
    }

    /**
     * Sets one option on the builder.
     *
     * @throws IllegalArgumentException with a one-line message when the value is not valid for the option
     */
    public static void apply(GeneratorConfig.Builder b, String option, String text) {
        String v = text.trim();
        switch (option) {
            case "--count" -> b.count(whole(option, v));
            case "--seed" -> b.seed(whole(option, v));
            case "--format" -> b.format(OutputFormat.of(v));
            case "--application-id" -> b.applicationId(v);
            case "--start" -> b.start(instant(v));
            case "--end" -> b.end(instant(v));
            case "--endpoints-per-request" -> b.endpointsPerRequest(small(option, v));
            case "--events-per-request" -> b.eventsPerRequest(small(option, v));
            case "--platforms" -> b.platformWeights(weights(option, v, Platform::of, Platform.class));
            case "--sdks" -> b.sdkWeights(weights(option, v, Sdk::of, Sdk.class));
            case "--invalid-rate" -> b.invalidRate(decimal(option, v));
            case "--mutations" -> b.mutations(Arrays.stream(text.split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new)));
            case "--threads" -> b.threads(small(option, v));
            case "--shard" -> {
                String[] parts = v.split("/", -1);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--shard: '" + v + "' is not i/n, such as 0/4");
                }
                b.shard(small(option, parts[0]), small(option, parts[1]));
            }
            case "--firehose-layout" -> b.firehoseStream(v.isEmpty() ? DEFAULT_FIREHOSE_STREAM : v);
            default -> throw new IllegalArgumentException("unknown option " + option);
        }
    }

    /** Weights keyed by platform id, as build tools take them ({@code ios: 2.0}); unknown ids are refused. */
    public static Map<Platform, Double> platformWeights(Map<String, Double> byId) {
        return byName(byId, Platform::of, Platform.class);
    }

    /** Weights keyed by SDK id, as build tools take them; unknown ids are refused. */
    public static Map<Sdk, Double> sdkWeights(Map<String, Double> byId) {
        return byName(byId, Sdk::of, Sdk.class);
    }

    private static <K extends Enum<K>> Map<K, Double> byName(Map<String, Double> byId, Function<String, K> key,
            Class<K> type) {
        Map<K, Double> weights = new EnumMap<>(type);
        byId.forEach((id, weight) -> weights.put(key.apply(id.trim().toLowerCase(Locale.ROOT)), weight));
        return weights;
    }

    /** The default of an option as its help shows it, or null when it has none to show. */
    public static String defaultText(String option) {
        GeneratorConfig d = GeneratorConfig.defaults();
        return switch (option) {
            case "--count" -> Long.toString(d.count());
            case "--seed" -> Long.toString(d.seed());
            case "--format" -> d.format().id();
            case "--application-id" -> d.applicationId();
            case "--start" -> d.start().toString();
            case "--end" -> d.end().toString();
            case "--endpoints-per-request" -> Integer.toString(d.endpointsPerRequest());
            case "--events-per-request" -> Integer.toString(d.eventsPerRequest());
            case "--platforms" -> weightsText(d.platformWeights(), k -> ((Platform) k).id());
            case "--sdks" -> weightsText(d.sdkWeights(), k -> ((Sdk) k).id());
            case "--invalid-rate" -> trim(d.invalidRate());
            case "--threads" -> "the number of processors, at most 8";
            case "--shard" -> d.shardIndex() + "/" + d.shardCount();
            default -> null;
        };
    }

    private static long whole(String option, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + v + "' is not a whole number");
        }
    }

    private static int small(String option, String v) {
        long n = whole(option, v);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + ": '" + v + "' is out of range");
        }
        return (int) n;
    }

    private static double decimal(String option, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + v + "' is not a number");
        }
    }

    private static Instant instant(String v) {
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not an instant such as 2025-01-06T00:00:00Z or a"
                    + " date such as 2025-01-06");
        }
    }

    private static <K extends Enum<K>> Map<K, Double> weights(String option, String v, Function<String, K> key,
            Class<K> type) {
        Map<K, Double> weights = new EnumMap<>(type);
        for (String pair : v.split(",")) {
            String[] kv = pair.trim().split("=", -1);
            if (kv.length != 2) {
                throw new IllegalArgumentException(option + ": '" + pair.trim() + "' is not NAME=WEIGHT");
            }
            try {
                weights.put(key.apply(kv[0].trim().toLowerCase(Locale.ROOT)), decimal(option, kv[1].trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith(option) ? e.getMessage()
                        : option + ": " + e.getMessage());
            }
        }
        return weights;
    }

    private static String weightsText(Map<? extends Enum<?>, Double> weights, Function<Object, String> name) {
        return weights.entrySet().stream().map(e -> name.apply(e.getKey()) + "=" + trim(e.getValue()))
                .collect(Collectors.joining(","));
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
