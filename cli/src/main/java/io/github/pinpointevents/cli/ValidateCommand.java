package io.github.pinpointevents.cli;

import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.report.ReportFile;
import io.github.pinpointevents.core.report.ReportFormat;
import io.github.pinpointevents.core.report.ReportWriter;
import io.github.pinpointevents.core.report.Summary;
import io.github.pinpointevents.core.report.TextReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Checks fixture files against the service's decision and the AWS CLI's parameter validation. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ValidateCommand.USAGE,
        exitCodeOnExecutionException = ValidateCommand.USAGE,
        description = {
            "Check request fixtures against the service's decision and the AWS CLI.",
            "",
            "Reads bare EventsRequest bodies, AWS CLI input documents ({\"ApplicationId\": ...,"
                    + " \"EventsRequest\": ...}) and NDJSON files (.ndjson, .jsonl) of either.",
            "",
            "A request passes when the service would accept every endpoint and event and the AWS CLI would"
                    + " send it; with a NAME.expected.json beside NAME.json (NAME.expected.ndjson beside an"
                    + " NDJSON file), when the decision equals that file exactly.",
            ""},
        footer = {"",
            "Exit codes:",
            "  0  every request passes",
            "  1  a request fails: an item refused, a whole-request error,",
            "     unparsable input, or a decision that differs from its expected file",
            "  2  usage or I/O error: a path that does not exist or cannot be read,",
            "     a bad option"})
final class ValidateCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int USAGE = 2;

    /** Standard input's place among the files; compared by identity, so a file named "-" stays a file. */
    private static final Path STDIN = Path.of("-");

    @Spec
    CommandSpec spec;

    InputStream stdin = System.in;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files, directories (searched recursively for *.json, *.ndjson and *.jsonl, skipping"
                    + " *.expected.*), or - for standard input.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "text|json|sarif|junit|html", defaultValue = "text",
            converter = FormatConverter.class,
            description = "Report format (default: ${DEFAULT-VALUE}): text for people, json for tools, sarif (2.1.0)"
                    + " for code scanning, junit for CI (the Surefire XML shape), html: one page for a browser.")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", converter = PathConverter.class,
            description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--stdin-format", paramLabel = "json|ndjson", defaultValue = "json",
            description = "What standard input holds (default: ${DEFAULT-VALUE}).")
    StdinFormat stdinFormat;

    @Option(names = "--service-only",
            description = "Judge by the service's decision alone; report the AWS CLI's parameter validation"
                    + " findings without failing on them (SDKs other than the AWS CLI and boto3 do not apply it).")
    boolean serviceOnly;

    @Option(names = "--no-warnings", negatable = false, description = "Do not run warning rules.")
    boolean noWarnings;

    @Option(names = "--strict", description = "A request with warnings fails too, but for an SDK's own (see rules).")
    boolean strict;

    @Option(names = "--threads", paramLabel = "N",
            description = "Requests decided at once; the report does not depend on it (default: the number of"
                    + " processors, at most 8).")
    Integer threads;

    @Option(names = {"-v", "--verbose"},
            description = "Also list passing requests, and the findings behind refusals their expected file expects.")
    boolean verbose;

    /** Accepts the formats in lower case, as the help shows them. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not one of text, json, sarif, junit, html");
            }
        }
    }

    /** A path, refused in words rather than with the JDK's exception name (a NUL byte, for one). */
    static final class PathConverter implements picocli.CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            try {
                return Path.of(value);
            } catch (java.nio.file.InvalidPathException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a valid path: "
                        + e.getReason());
            }
        }
    }

    enum StdinFormat { json, ndjson }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ValidatorConfig.Builder config = ValidatorConfig.builder();
        if (serviceOnly) {
            config.clientValidation(false);
        }
        if (noWarnings) {
            config.warnings(false);
        }
        if (strict) {
            config.strict(true);
        }
        if (threads != null && threads < 1) {
            err.println("pinpoint-events validate: --threads must be 1 or more: " + threads);
            return USAGE;
        }
        FixtureValidator fixtures = new FixtureValidator(PutEventsValidator.create(config.build()),
                threads != null ? threads : FixtureValidator.defaultThreads());
        // Every path is resolved before the first request is decided: a mistyped path costs no report.
        List<Path> files = new ArrayList<>();
        try {
            for (String path : paths) {
                files.addAll(path.equals("-") ? List.of(STDIN) : FixtureValidator.collect(List.of(Path.of(path))));
            }
        } catch (FixtureException | java.nio.file.InvalidPathException e) {
            err.println("pinpoint-events validate: " + e.getMessage());
            return USAGE;
        }
        Function<PrintWriter, ReportWriter> opener = format == ReportFormat.TEXT
                ? new TextReport(verbose)::open : format::open;
        Summary.Tally tally = new Summary.Tally();
        // Results are reported as they are decided: a run holds one request's result at a time. A report file
        // replaces FILE only once complete.
        try (ReportFile file = output == null ? null : ReportFile.create(output, opener)) {
            ReportWriter report = file != null ? file.writer()
                    : opener.apply(new PrintWriter(spec.commandLine().getOut(), false));
            validate(fixtures, files, result -> {
                tally.add(result);
                report.add(result);
            });
            if (file != null) {
                file.commit();
            } else {
                report.finish();
            }
        } catch (FixtureException e) {
            err.println("pinpoint-events validate: " + e.getMessage());
            return USAGE;
        } catch (IOException | UncheckedIOException e) {
            err.println("pinpoint-events validate: cannot write " + (output == null ? "the report" : output) + ": "
                    + e.getMessage());
            return USAGE;
        }
        return tally.allPassed() ? 0 : FAILED;
    }

    private void validate(FixtureValidator fixtures, List<Path> files, Consumer<RequestResult> sink)
            throws FixtureException {
        // Runs of files between standard inputs share one pipeline, so small files are decided in parallel too.
        List<Path> run = new ArrayList<>();
        for (Path file : files) {
            if (file == STDIN) {
                fixtures.validateFiles(run, sink);
                run.clear();
                fixtures.validateStream("-", stdin, stdinFormat == StdinFormat.ndjson, sink);
            } else {
                run.add(file);
            }
        }
        fixtures.validateFiles(run, sink);
    }
}
