package io.github.pinpointevents.cli;

import io.github.pinpointevents.core.awscli.AwsCliPutEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/** A drop-in for {@code aws pinpoint put-events} that answers as the service would, offline. */
@Command(name = "put-events",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = PutEventsCommand.CLIENT_ERROR,
        exitCodeOnExecutionException = 255,
        description = {
            "Answer as 'aws pinpoint put-events' (AWS CLI v2) would, offline.",
            "",
            "Applies the AWS CLI's own parameter validation first, then the service's decision on the bytes"
                    + " the AWS CLI would send, and prints the answer as the AWS CLI does (--query, --output).",
            ""},
        footer = {"",
            "Output and exit codes follow AWS CLI v2:",
            "  0    answered (even partly refused): stdout is the response in the",
            "       --output format (json, indented with 4 spaces, by default)",
            "  252  the AWS CLI would refuse the command line or the parameters:",
            "       stderr in the AWS CLI's words ('Parameter validation failed:',",
            "       Python's json messages, 'aws: error: ...' after its usage block)",
            "  254  the service refuses the whole request: stderr 'An error occurred",
            "       (TYPE) when calling the PutEvents operation: MESSAGE'",
            "",
            "AWS_DEFAULT_OUTPUT picks the format when --output is absent. Global AWS CLI options such as",
            "--region, --profile and --no-cli-pager are accepted and ignored (nothing is paged)."})
final class PutEventsCommand implements Callable<Integer> {

    static final int CLIENT_ERROR = AwsCliPutEvents.CLIENT_ERROR;
    static final int SERVICE_ERROR = AwsCliPutEvents.SERVICE_ERROR;

    @Spec
    CommandSpec spec;

    @Option(names = "--application-id", paramLabel = "<value>",
            description = "The unique identifier of the Amazon Pinpoint project.")
    String applicationId;

    @Option(names = "--events-request", paramLabel = "<value>",
            description = "The request body: JSON text, the AWS CLI's shorthand syntax (BatchItem={...}), or"
                    + " file://path to read either from a file.")
    String eventsRequest;

    @Option(names = "--cli-input-json", paramLabel = "<value>",
            description = "{\"ApplicationId\": ..., \"EventsRequest\": ...} as JSON text or file://path;"
                    + " values given on the command line override it.")
    String cliInputJson;

    @Option(names = "--cli-input-yaml", paramLabel = "<value>",
            description = "The same document as YAML text or file://path; not with --cli-input-json.")
    String cliInputYaml;

    @Option(names = "--generate-cli-skeleton", arity = "0..1", fallbackValue = "input",
            paramLabel = "input|output|yaml-input",
            description = "Print a skeleton of the input (default, JSON), of the input as YAML, or of the"
                    + " output (after checking the parameters as if sending them), and exit.")
    String skeleton;

    @Option(names = "--query", paramLabel = "<value>",
            description = "A JMESPath expression applied to the output before it is printed.")
    String query;

    @Option(names = "--output", paramLabel = "json|text|table|yaml|yaml-stream",
            description = "The output format; default AWS_DEFAULT_OUTPUT, else json.")
    String output;

    @Option(names = {"--region", "--profile", "--endpoint-url", "--cli-read-timeout",
        "--cli-connect-timeout", "--ca-bundle", "--color"}, paramLabel = "<value>", hidden = true)
    List<String> ignoredWithValue; // a list: these options share the field, and several may be given at once

    @Option(names = {"--no-cli-pager", "--no-verify-ssl", "--no-sign-request", "--no-paginate", "--debug"},
            hidden = true)
    boolean[] ignoredFlag; // an array, for the same reason

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    Map<String, String> environment = System.getenv(); // Main gives the one to use

    @Override
    public Integer call() {
        return AwsCliPutEvents.run(new AwsCliPutEvents.Arguments(applicationId, eventsRequest, cliInputJson,
                cliInputYaml, skeleton, query, output, environment.get("AWS_DEFAULT_OUTPUT"), unmatched),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
