package io.github.pinpointevents.cli;

import io.github.pinpointevents.core.generate.GenerationSummary;
import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.generate.GeneratorOutput;
import io.github.pinpointevents.core.generate.OutputException;
import io.github.pinpointevents.core.generate.OutputFormat;
import io.github.pinpointevents.core.generate.Platform;
import io.github.pinpointevents.core.generate.ProgressListener;
import io.github.pinpointevents.core.generate.RequestGenerator;
import io.github.pinpointevents.core.generate.Sdk;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Generates realistic, deterministic PutEvents requests. Options map onto {@link GeneratorConfig}; defaults shown
 * in the help come from {@link GeneratorConfig#defaults()}, never restated here. Values are parsed here rather
 * than by picocli so that a bad value gives one line on stderr and exit 2.
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = GenerateCommand.USAGE,
        exitCodeOnExecutionException = GenerateCommand.USAGE,
        defaultValueProvider = GenerateCommand.Defaults.class,
        sortOptions = false,
        description = {
            "Generate realistic PutEvents requests: the same bytes for the same options.",
            "on every run, with any number of threads.",
            "Each endpoint sends what its SDK sends (amplify-android, aws-sdk-android,",
            "amplify-swift, aws-sdk-ios, amplify-js, or a server): SdkName, id casing,",
            "Session.Id, a session from _session.start to _session.stop (Duration =",
            "Stop - Start), pause/resume where the SDK sends them; at most 100 events",
            "and 4,000,000 bytes a request. With --invalid-rate, requests break one",
            "rule each and the expected answer is written beside them.",
            ""},
        footer = {"",
            "Formats:",
            "  ndjson      one {\"ApplicationId\",\"EventsRequest\"} document a line",
            "              (stdout, or --output FILE)",
            "  json-array  one JSON array of those documents (stdout, or --output FILE)",
            "  requests    a directory of bodies as sent on the wire",
            "              (request-000001.json, ...) and index.csv",
            "  cli-input   a directory of files for",
            "              aws pinpoint put-events --cli-input-json file://FILE",
            "Expected answers (with --invalid-rate): NAME.expected.json beside",
            "NAME.json, NAME.expected.ndjson beside NAME.ndjson. index.csv (or",
            "NAME.index.csv beside a file) names each request's broken rule.",
            "Shards: --shard i/n writes the i-th of n contiguous parts of the run; the",
            "parts concatenate to the whole (files are named by their number in it).",
            "",
            "Exit codes:",
            "  0  written",
            "  2  usage or I/O error: a bad option, an existing output without",
            "     --force, a failed write"})
final class GenerateCommand implements Callable<Integer> {

    static final int USAGE = 2;
    private static final String NAME = "pinpoint-events generate: ";

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--count"}, paramLabel = "N",
            description = "Requests in the whole run, all shards together (default: ${DEFAULT-VALUE}).")
    String count;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "ndjson, json-array, requests or cli-input (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "File (ndjson, json-array) or directory (requests, cli-input) to write; ndjson and"
                    + " json-array go to standard output without it.")
    String output;

    @Option(names = "--force", description = "Replace an existing output file, or write into a non-empty directory.")
    boolean force;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "ApplicationId of every request (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Start of the time window, inclusive: 2025-01-06T00:00:00Z or 2025-01-06 (UTC midnight)"
                    + " (default: ${DEFAULT-VALUE}). The clock is never read.")
    String start;

    @Option(names = "--end", paramLabel = "INSTANT",
            description = "End of the time window, exclusive (default: ${DEFAULT-VALUE}).")
    String end;

    @Option(names = "--endpoints-per-request", paramLabel = "N",
            description = "Endpoints per request, 1 to 100; the mobile SDKs send 1 (default: ${DEFAULT-VALUE}).")
    String endpointsPerRequest;

    @Option(names = "--events-per-request", paramLabel = "N",
            description = "Events per request, from the endpoints per request to 100; 0: each endpoint sends one"
                    + " session of natural length (default: ${DEFAULT-VALUE}).")
    String eventsPerRequest;

    @Option(names = "--platforms", paramLabel = "P=W,...",
            description = "Relative weights of android, ios and web; platforms not named keep their default"
                    + " (default: ${DEFAULT-VALUE}).")
    String platforms;

    @Option(names = "--sdks", paramLabel = "S=W,...",
            description = "Relative weights of the SDKs within their platform: amplify-android, aws-sdk-android"
                    + " (android), amplify-swift, aws-sdk-ios (ios), amplify-js, server (web)"
                    + " (default: ${DEFAULT-VALUE}).")
    String sdks;

    @Option(names = "--invalid-rate", paramLabel = "R",
            description = "Probability, 0 to 1, that a request breaks one rule; needs --output"
                    + " (default: ${DEFAULT-VALUE}).")
    String invalidRate;

    @Option(names = "--mutations", paramLabel = "RULE,...",
            description = "Rule ids the mutations may break (see --list-mutations); default: all that the format"
                    + " can carry (malformed JSON only in requests).")
    String mutations;

    @Option(names = "--list-mutations", description = "Print the rule ids mutations can break, and exit.")
    boolean listMutations;

    @Option(names = "--threads", paramLabel = "N",
            description = "Generating threads; the output does not depend on it (default: ${DEFAULT-VALUE}).")
    String threads;

    @Option(names = "--shard", paramLabel = "i/n",
            description = "Write only the i-th (from 0) of n contiguous parts of the run (default: ${DEFAULT-VALUE}).")
    String shard;

    @Unmatched
    List<String> unmatched;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        GeneratorConfig config;
        try {
            if (unmatched != null && !unmatched.isEmpty()) {
                throw new IllegalArgumentException("unknown option or argument '" + unmatched.get(0) + "' (see --help)");
            }
            config = config();
            if (listMutations) {
                RequestGenerator.create(config.toBuilder().invalidRate(0).build()).mutableRules()
                        .forEach(spec.commandLine().getOut()::println);
                return 0;
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(NAME + e.getMessage());
            return USAGE;
        }
        boolean terminal = System.console() != null;
        ProgressListener progress = terminal ? (done, total) -> {
            err.print("\rpinpoint-events generate: " + done + "/" + total + " requests");
            err.flush();
        } : ProgressListener.NONE;
        PrintWriter out = spec.commandLine().getOut();
        GenerationSummary summary;
        try {
            summary = GeneratorOutput.write(config, new AsciiOutput(out), progress);
        } catch (OutputException e) {
            err.println((terminal ? "\n" : "") + NAME + e.getMessage());
            return USAGE;
        } catch (IllegalArgumentException e) {
            err.println((terminal ? "\n" : "") + NAME + e.getMessage());
            return USAGE;
        }
        out.flush();
        if (terminal) {
            err.println("\rpinpoint-events generate: " + summary.requests() + " requests, " + summary.events()
                    + " events, " + summary.invalid() + " invalid, " + summary.bytes() + " bytes"
                    + (config.output() == null ? "" : " -> " + config.output()));
        }
        return 0;
    }

    /** Maps the options onto the builder; only options given change a default. */
    GeneratorConfig config() {
        GeneratorConfig.Builder b = GeneratorConfig.builder();
        ifGiven("--count", count, v -> b.count(whole("--count", v)));
        ifGiven("--seed", seed, v -> b.seed(whole("--seed", v)));
        ifGiven("--format", format, v -> b.format(OutputFormat.of(v)));
        if (output != null) {
            b.output(Path.of(output));
        }
        b.force(force);
        ifGiven("--application-id", applicationId, b::applicationId);
        ifGiven("--start", start, v -> b.start(instant(v)));
        ifGiven("--end", end, v -> b.end(instant(v)));
        ifGiven("--endpoints-per-request", endpointsPerRequest,
                v -> b.endpointsPerRequest(small("--endpoints-per-request", v)));
        ifGiven("--events-per-request", eventsPerRequest, v -> b.eventsPerRequest(small("--events-per-request", v)));
        ifGiven("--platforms", platforms, v -> b.platformWeights(weights("--platforms", v, Platform::of,
                Platform.class)));
        ifGiven("--sdks", sdks, v -> b.sdkWeights(weights("--sdks", v, Sdk::of, Sdk.class)));
        ifGiven("--invalid-rate", invalidRate, v -> b.invalidRate(decimal("--invalid-rate", v)));
        if (mutations != null) {
            b.mutations(Arrays.stream(mutations.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        ifGiven("--threads", threads, v -> b.threads(small("--threads", v)));
        ifGiven("--shard", shard, v -> {
            String[] parts = v.split("/", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--shard: '" + v + "' is not i/n, such as 0/4");
            }
            b.shard(small("--shard", parts[0]), small("--shard", parts[1]));
        });
        return b.build();
    }

    /** Applies a value unless it is the default the provider filled in (so defaults stay in one place). */
    private void ifGiven(String option, String value, java.util.function.Consumer<String> apply) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (value != null && (parsed == null || parsed.hasMatchedOption(option))) {
            apply.accept(value.trim());
        }
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
        return GeneratorConfig.parseInstant(v);
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

    static String weightsText(Map<? extends Enum<?>, Double> weights, Function<Object, String> name) {
        return weights.entrySet().stream().map(e -> name.apply(e.getKey()) + "=" + trim(e.getValue()))
                .collect(Collectors.joining(","));
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Help defaults, read from {@link GeneratorConfig#defaults()}. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argSpec) {
            if (!(argSpec instanceof OptionSpec option)) {
                return null;
            }
            GeneratorConfig d = GeneratorConfig.defaults();
            return switch (option.longestName()) {
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
    }

    /** Bytes to the command's writer; the output is ASCII, so each byte is one character. */
    private static final class AsciiOutput extends OutputStream {
        private final PrintWriter out;

        AsciiOutput(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            out.write((char) (b & 0xFF));
        }

        @Override
        public void write(byte[] b, int off, int len) {
            char[] chars = new char[len];
            for (int i = 0; i < len; i++) {
                chars[i] = (char) (b[off + i] & 0xFF);
            }
            out.write(chars, 0, len);
        }

        @Override
        public void flush() {
            out.flush();
        }
    }
}
