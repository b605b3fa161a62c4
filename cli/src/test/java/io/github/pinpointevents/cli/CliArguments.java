package io.github.pinpointevents.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Random command lines for {@link Main#run}: a command (or none), then options and values drawn from what
 * each command takes, mixed with unknown options, stray words and odd text. Paths only ever name the samples,
 * a few files in a scratch directory, or nothing that exists, so a run reads little and writes only there.
 */
final class CliArguments {

    /** The exit codes each command documents (its --help footer and the README's exit-code table, which ReadmeExamplesTest compares with this). */
    static Set<Integer> documentedExitCodes(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        return switch (command) {
            case "validate" -> Set.of(0, 1, 2);
            case "put-events" -> Set.of(0, 252, 254);
            default -> Set.of(0, 2); // help, version and rules; usage errors
        };
    }

    private static final String[] COMMANDS = {"validate", "put-events", "rules", "help", "--help", "--version", "",
        "generate", "-x"};
    private static final String[] VALIDATE = {"--format", "--output", "--stdin-format", "--service-only",
        "--no-warnings", "--strict", "-v", "--verbose", "--help", "-", "--", "--format=json", "--bogus"};
    private static final String[] PUT_EVENTS = {"--application-id", "--events-request", "--cli-input-json",
        "--generate-cli-skeleton", "--region", "--profile", "--output", "--no-cli-pager", "--debug", "--help",
        "--endpoint-url", "--bogus", "--"};
    private static final String[] RULES = {"--format", "--help", "--bogus"};
    private static final String[] VALUES = {"text", "json", "sarif", "junit", "ndjson", "input", "output", "JSON",
        "", " ", "-", "app", "{}", "{\"BatchItem\": {}}", "[1]", "{\"ApplicationId\": \"a\", \"EventsRequest\": {}}",
        "{\"BatchItem\": {\"ep\": {\"Endpoint\": {}, \"Events\": {\"e\": {\"EventType\": \"play\", \"Timestamp\":"
                + " \"2024-01-01T00:00:00Z\"}}}}}", "NaN", "{\"a\": NaN, \"a\": 1}", "file://", "fileb://x"};

    private final Path scratch;
    private final List<String> files = new ArrayList<>();

    /** @param scratch a directory this generator may write to and name in --output */
    CliArguments(Path scratch) {
        this.scratch = scratch;
        Path samples = Cli.samples();
        for (String f : List.of("valid/amplify-swift-sign-in.json", "valid/mixed-clients.ndjson",
                "invalid/missing-event-type.json", "invalid/malformed-json.json", "invalid/not-an-object.json")) {
            files.add(samples.resolve(f).toString());
        }
        files.add(samples.resolve("invalid").toString());
        try {
            files.add(Files.writeString(scratch.resolve("in.json"), VALUES[16]).toString());
            files.add(Files.write(scratch.resolve("bad.json"), new byte[] {'{', (byte) 0xff}).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(scratch.resolve("no-such-file.json").toString());
        files.add(scratch.toString());
    }

    /**
     * A command line from the choices; {@code below.applyAsInt(n)} is a choice in [0, n). Half are well formed
     * (so the commands' real work is reached), half are anything.
     */
    String[] next(IntUnaryOperator below, java.util.function.IntFunction<String> text) {
        String[] args = below.applyAsInt(2) == 0 ? wellFormed(below) : anything(below, text);
        for (int i = 0; i + 1 < args.length; i++) {
            // A NUL byte makes a path no system can write, so such a value stays: refusing it is worth testing.
            if (args[i].equals("--output") && !args[i + 1].startsWith(scratch.toString())
                    && args[i + 1].indexOf('\0') < 0) {
                args[i + 1] = scratch.resolve("out-" + Integer.toHexString(args[i + 1].hashCode())).toString();
            }
        }
        return args; // a report is only ever written into the scratch directory
    }

    private String[] wellFormed(IntUnaryOperator below) {
        List<String> args = new ArrayList<>();
        String file = files.get(below.applyAsInt(files.size()));
        switch (below.applyAsInt(3)) {
            case 0 -> {
                args.add("validate");
                if (below.applyAsInt(2) == 0) {
                    args.addAll(List.of("--format", new String[] {"text", "json", "sarif", "junit"}[below.applyAsInt(4)]));
                }
                if (below.applyAsInt(3) == 0) {
                    args.addAll(List.of("--output", scratch.resolve("report-" + below.applyAsInt(2)).toString()));
                }
                for (String flag : List.of("--service-only", "--no-warnings", "--strict", "-v")) {
                    if (below.applyAsInt(4) == 0) {
                        args.add(flag);
                    }
                }
                if (below.applyAsInt(4) == 0) {
                    args.addAll(List.of("--stdin-format", below.applyAsInt(2) == 0 ? "json" : "ndjson", "-"));
                } else {
                    args.add(file);
                }
            }
            case 1 -> {
                args.add("put-events");
                if (below.applyAsInt(3) == 0) {
                    args.addAll(List.of("--cli-input-json", "file://" + file));
                } else {
                    args.addAll(List.of("--application-id", "app", "--events-request",
                            below.applyAsInt(2) == 0 ? "file://" + file : VALUES[below.applyAsInt(VALUES.length)]));
                }
                if (below.applyAsInt(4) == 0) {
                    args.addAll(List.of("--region", "us-east-1", "--no-cli-pager"));
                }
            }
            default -> {
                args.add("rules");
                if (below.applyAsInt(2) == 0) {
                    args.addAll(List.of("--format", below.applyAsInt(2) == 0 ? "json" : "text"));
                }
            }
        }
        return args.toArray(String[]::new);
    }

    private String[] anything(IntUnaryOperator below, java.util.function.IntFunction<String> text) {
        List<String> args = new ArrayList<>();
        String command = COMMANDS[below.applyAsInt(COMMANDS.length)];
        if (!command.isEmpty()) {
            args.add(command);
        }
        String[] options = switch (command) {
            case "validate" -> VALIDATE;
            case "put-events" -> PUT_EVENTS;
            case "rules" -> RULES;
            default -> RULES;
        };
        for (int n = below.applyAsInt(7); n > 0; n--) {
            switch (below.applyAsInt(8)) {
                case 0, 1, 2 -> args.add(options[below.applyAsInt(options.length)]);
                case 3 -> args.add(VALUES[below.applyAsInt(VALUES.length)]);
                case 4 -> args.add(files.get(below.applyAsInt(files.size())));
                case 5 -> args.add((below.applyAsInt(2) == 0 ? "file://" : "") + files.get(below.applyAsInt(files.size())));
                case 6 -> args.add(scratch.resolve("out-" + below.applyAsInt(3) + ".txt").toString());
                default -> args.add("x" + text.apply(20)); // never a path that exists, never an option
            }
        }
        return args.toArray(String[]::new);
    }
}
