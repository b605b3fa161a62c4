package io.github.pinpointevents.cli;

import io.github.pinpointevents.core.generate.GenerationSummary;
import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.generate.GeneratorOptions;
import io.github.pinpointevents.core.generate.GeneratorOutput;
import io.github.pinpointevents.core.generate.OutputException;
import io.github.pinpointevents.core.generate.ProgressListener;
import io.github.pinpointevents.core.generate.RequestGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Generates realistic, deterministic PutEvents requests (or their event-stream records). Options map onto
 * {@link GeneratorConfig} through {@link GeneratorOptions}, which parses them (so a bad value gives one line on
 * stderr and exit 2) and supplies the help's defaults; the help text is the resource bundle beside this class.
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = GenerateCommand.USAGE,
        exitCodeOnExecutionException = GenerateCommand.USAGE,
        defaultValueProvider = GenerateCommand.Defaults.class,
        sortOptions = false,
        resourceBundle = "io.github.pinpointevents.cli.GenerateCommand")
final class GenerateCommand implements Callable<Integer> {

    static final int USAGE = 2;
    private static final String NAME = "pinpoint-events generate: ";

    @Spec
    CommandSpec spec;

    // Descriptions are in GenerateCommand.properties; config() hands every option given to the core's parser.
    @Option(names = {"-n", "--count"}, paramLabel = "N") String count;

    @Option(names = "--seed", paramLabel = "N") String seed;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT") String format;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH") String output;

    @Option(names = "--force") boolean force;

    @Option(names = "--application-id", paramLabel = "ID") String applicationId;

    @Option(names = "--start", paramLabel = "INSTANT") String start;

    @Option(names = "--end", paramLabel = "INSTANT") String end;

    @Option(names = "--endpoints-per-request", paramLabel = "N") String endpointsPerRequest;

    @Option(names = "--events-per-request", paramLabel = "N") String eventsPerRequest;

    @Option(names = "--platforms", paramLabel = "P=W,...") String platforms;

    @Option(names = "--sdks", paramLabel = "S=W,...") String sdks;

    @Option(names = "--invalid-rate", paramLabel = "R") String invalidRate;

    @Option(names = "--mutations", paramLabel = "RULE,...") String mutations;

    @Option(names = "--list-mutations") boolean listMutations;

    @Option(names = "--threads", paramLabel = "N") String threads;

    @Option(names = "--shard", paramLabel = "i/n") String shard;

    @Option(names = "--firehose-layout", arity = "0..1", paramLabel = "STREAM",
            fallbackValue = GeneratorOptions.DEFAULT_FIREHOSE_STREAM) String firehoseLayout;

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
        } catch (OutputException | IllegalArgumentException e) {
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

    /** Maps the options given onto the builder (the core parses them); defaults stay in the core. */
    GeneratorConfig config() {
        GeneratorConfig.Builder b = GeneratorConfig.builder();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (OptionSpec option : spec.options()) {
            String name = option.longestName();
            Object value = option.getValue();
            if (GeneratorOptions.NAMES.contains(name) && value != null
                    && (parsed == null || parsed.hasMatchedOption(name))) {
                GeneratorOptions.apply(b, name, value.toString());
            }
        }
        if (output != null) {
            b.output(Path.of(output));
        }
        return b.force(force).build();
    }

    /** Help defaults, read from the core. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argSpec) {
            return argSpec instanceof OptionSpec option ? GeneratorOptions.defaultText(option.longestName()) : null;
        }
    }
}
