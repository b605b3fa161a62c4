package io.github.pinpointevents.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pinpoint-events}: the only class that calls {@link System#exit}. */
@Command(name = "pinpoint-events",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "An offline twin of Amazon Pinpoint's PutEvents API (aws pinpoint put-events).",
            "Decides what the service would answer for a request, without network or AWS account."},
        footer = {"", "Exit codes: see each command's --help. Documentation: README.md."})
public final class Main implements Runnable {

    /** The commands, in the order the help lists them. */
    private static final Map<String, Class<?>> COMMANDS = commands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: put-events, validate, generate, rules or serve");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams and returns its exit code; never throws. */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
        return run(args, stdin, out, err, System.getenv());
    }

    /** The same, with {@code environment} as the environment variables put-events reads (AWS_DEFAULT_OUTPUT). */
    static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err,
            Map<String, String> environment) {
        CommandLine cli = commandLine(new Factory(stdin, environment), args.length > 0 ? args[0] : null);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, commandArgs) -> {
            // One line, as for any bad input; --help has the details.
            CommandLine failed = e.getCommandLine();
            if (failed == cli && e instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
                failed.getErr().println("pinpoint-events: unknown command '" + oneLine(unmatched.getUnmatched().get(0))
                        + "' (commands: " + String.join(", ", cli.getSubcommands().keySet()) + ")");
            } else {
                failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage())
                        + " (see --help)");
            }
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Bad input never reaches here; this is a bug in pinpoint-events, reported in one line.
            commandLine.getErr().println("pinpoint-events: internal error: " + e);
            return commandLine.getCommandSpec().exitCodeOnExecutionException();
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command line with every command, as the help shows it. */
    static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory(), null);
    }

    /**
     * The command line; when {@code first} (the first argument) names a command other than help, with that
     * command alone. picocli builds each command's model by reflection when it is added, which costs every
     * start about a tenth of a second of CPU for the four commands not run; nothing of them is needed once the
     * first argument has chosen the command (help, an unknown command and the top-level options still get
     * all of them).
     */
    static CommandLine commandLine(CommandLine.IFactory factory, String first) {
        CommandLine cli = new CommandLine(new Main(), factory);
        Class<?> only = "help".equals(first) ? null : COMMANDS.get(first);
        if (only != null) {
            cli.addSubcommand(only);
        } else {
            COMMANDS.values().forEach(cli::addSubcommand);
        }
        return cli;
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        for (Class<?> c : List.of(PutEventsCommand.class, ValidateCommand.class, GenerateCommand.class,
                RulesCommand.class, ServeCommand.class, CommandLine.HelpCommand.class)) {
            commands.put(c.getAnnotation(Command.class).name(), c);
        }
        return commands;
    }

    /** The text with control characters escaped (\\uXXXX): an argument's newline or NUL keeps an error on one line. */
    static String oneLine(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Gives commands the standard input to read. */
    private record Factory(InputStream stdin, Map<String, String> environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            K instance = CommandLine.defaultFactory().create(type);
            if (instance instanceof ValidateCommand validate) {
                validate.stdin = stdin;
            } else if (instance instanceof PutEventsCommand putEvents) {
                putEvents.environment = environment;
            }
            return instance;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pinpoint-events " + io.github.pinpointevents.core.Version.get(),
                "Java " + System.getProperty("java.version")};
        }
    }
}
