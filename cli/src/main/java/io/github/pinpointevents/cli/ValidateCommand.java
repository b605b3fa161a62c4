package io.github.pinpointevents.cli;

import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.report.ReportFormat;
import io.github.pinpointevents.core.report.ReportWriter;
import io.github.pinpointevents.core.report.Summary;
import io.github.pinpointevents.core.run.FixtureRun;
import io.github.pinpointevents.core.run.InputKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
            "Check request fixtures against the service's decision and the AWS CLI, or (--kind event-stream)",
            "event-stream records against their schema.",
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

    @Spec
    CommandSpec spec;

    InputStream stdin = System.in;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files, directories (searched recursively for *.json, *.ndjson and *.jsonl, skipping"
                    + " *.expected.*; with --kind event-stream, Firehose's S3 objects too), or - for standard input.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "text|json|sarif|junit|html", defaultValue = "text",
            converter = Converters.Format.class,
            description = "Report format (default: ${DEFAULT-VALUE}): text for people, json for tools, sarif"
                    + " (2.1.0) for code scanning, junit for CI (the Surefire XML shape), html: one page for a browser.")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", converter = Converters.PathValue.class,
            description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--kind", paramLabel = "request|event-stream", defaultValue = "request",
            converter = Converters.Kind.class,
            description = "What the files hold (default: ${DEFAULT-VALUE}): PutEvents requests, or event-stream"
                    + " records (one a line) checked against schemas/event-stream-record.schema.json.")
    InputKind kind;

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

    @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "Requests decided at once; the report does not depend on it (default: the number of"
                    + " processors, at most 8).")
    Integer threads;

    @Option(names = {"-v", "--verbose"},
            description = "Also list passing requests, and the findings behind refusals their expected file expects.")
    boolean verbose;

    enum StdinFormat { json, ndjson }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        FixtureRun run = new FixtureRun(ValidatorConfig.builder().clientValidation(!serviceOnly).warnings(!noWarnings)
                .strict(strict).build(), threads != null ? threads : FixtureRun.defaultThreads(),
                stdinFormat == StdinFormat.ndjson, kind);
        Function<PrintWriter, ReportWriter> opener = format.opener(verbose);
        FixtureRun.Target target = output != null ? new FixtureRun.Target.ToFile(output, opener)
                : new FixtureRun.Target.ToStream(new PrintWriter(spec.commandLine().getOut(), false), opener);
        try {
            Summary summary = run.run(run.inputs(paths), stdin, List.of(target), result -> { });
            return summary.failed() == 0 ? 0 : FAILED;
        } catch (FixtureException e) {
            err.println("pinpoint-events validate: " + e.getMessage());
        } catch (IOException e) {
            err.println("pinpoint-events validate: cannot write " + (output == null ? "the report" : output) + ": "
                    + e.getMessage());
        }
        return USAGE;
    }
}
