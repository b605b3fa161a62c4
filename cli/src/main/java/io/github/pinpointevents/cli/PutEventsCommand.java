package io.github.pinpointevents.cli;

import io.github.pinpointevents.core.InputSource;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.PythonJson;
import io.github.pinpointevents.core.internal.Skeleton;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.EventsResponse;
import io.github.pinpointevents.core.result.ItemStatus;
import io.github.pinpointevents.core.result.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A drop-in for {@code aws pinpoint put-events} that answers as the service would, offline. */
@Command(name = "put-events",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = PutEventsCommand.CLIENT_ERROR,
        exitCodeOnExecutionException = 255,
        description = {
            "Answer as 'aws pinpoint put-events' would, offline.",
            "",
            "Applies the AWS CLI's own parameter validation first, then the service's decision on the bytes"
                    + " the AWS CLI would send.",
            ""},
        footer = {"",
            "Output and exit codes follow AWS CLI v2:",
            "  0    accepted (even partly): stdout is {\"EventsResponse\": ...}",
            "       indented with 4 spaces",
            "  252  the AWS CLI would refuse the parameters: stderr 'Parameter",
            "       validation failed:' and one line per problem, in botocore's words;",
            "       also unreadable or unparsable parameter values, missing options",
            "  254  the service refuses the whole request: stderr 'An error occurred",
            "       (TYPE) when calling the PutEvents operation: MESSAGE'",
            "",
            "Global AWS CLI options such as --region and --profile are accepted and ignored."})
final class PutEventsCommand implements Callable<Integer> {

    static final int CLIENT_ERROR = 252;
    static final int SERVICE_ERROR = 254;

    @Spec
    CommandSpec spec;

    @Option(names = "--application-id", paramLabel = "<value>",
            description = "The unique identifier of the Amazon Pinpoint project.")
    String applicationId;

    @Option(names = "--events-request", paramLabel = "<value>",
            description = "The request body: JSON text, or file://path to read it from a file.")
    String eventsRequest;

    @Option(names = "--cli-input-json", paramLabel = "<value>",
            description = "{\"ApplicationId\": ..., \"EventsRequest\": ...} as JSON text or file://path;"
                    + " values given on the command line override it.")
    String cliInputJson;

    @Option(names = "--generate-cli-skeleton", arity = "0..1", fallbackValue = "input", paramLabel = "input|output",
            description = "Print a JSON skeleton of the input (default) or of the output, and exit.")
    String skeleton;

    @Option(names = {"--region", "--profile", "--endpoint-url", "--output", "--cli-read-timeout",
        "--cli-connect-timeout", "--ca-bundle", "--color"}, paramLabel = "<value>", hidden = true)
    List<String> ignoredWithValue; // a list: these options share the field, and several may be given at once

    @Option(names = {"--no-cli-pager", "--no-verify-ssl", "--no-sign-request", "--no-paginate", "--debug"},
            hidden = true)
    boolean[] ignoredFlag; // an array, for the same reason

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (skeleton != null) {
            return skeleton(out, err);
        }
        PutEventsValidator validator = PutEventsValidator.create(ValidatorConfig.builder().warnings(false).build());
        ObjectNode input;
        try {
            input = input();
        } catch (ParameterFile.ParameterException e) {
            err.print("\n" + e.getMessage() + "\n");
            return CLIENT_ERROR;
        } catch (ParameterFile.TooLargeException e) {
            // Answered by its size, unread: the body botocore would send from it is over the limit too.
            return serviceError(err, validator.decideBySize(e.size()).orElseThrow());
        }
        if (input == null) {
            err.print("\nusage: pinpoint-events put-events --application-id <value> --events-request <value>\n"
                    + "pinpoint-events put-events: error: the following arguments are required: "
                    + missingArguments() + "\n");
            return CLIENT_ERROR;
        }

        List<Finding> refused = validator.checkParameters(input,
                eventsRequest != null ? InputSource.EVENTS_REQUEST_ARGUMENT : InputSource.CLI_INPUT_JSON);
        if (!refused.isEmpty()) {
            StringBuilder text = new StringBuilder("\nParameter validation failed:\n");
            refused.forEach(v -> text.append(v.message()).append('\n'));
            err.print(text);
            return CLIENT_ERROR;
        }
        // The bytes botocore would put on the wire for this body.
        byte[] body = PythonJson.dumps(input.get("EventsRequest"));
        input = null; // as large as the service's own tree of the body: let it go before that is built
        Decision decision = validator.decide(body);
        if (decision.error() != null) {
            return serviceError(err, decision);
        }
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("EventsResponse", asParsedByBotocore(decision.response()));
        decision = null;
        PythonJson.pretty(response, out); // streamed: the answer to a 4 MB body is some 20 MB of text
        return 0;
    }

    private static int serviceError(PrintWriter err, Decision decision) {
        err.print("\nAn error occurred (" + decision.error().errorType() + ") when calling the PutEvents"
                + " operation: " + decision.error().message() + "\n");
        return SERVICE_ERROR;
    }

    /**
     * The response as the AWS CLI prints it. botocore builds each structure in the order of the model's members,
     * not the wire's: the service sends {"StatusCode": 202, "Message": "Accepted"}, the CLI prints "Message"
     * first (seen with aws-cli 1.45.11 against serve). Map keys keep the wire's order.
     */
    static ObjectNode asParsedByBotocore(EventsResponse response) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ObjectNode results = node.putObject("Results");
        response.results().forEach((endpointId, item) -> {
            ObjectNode itemNode = results.putObject(endpointId);
            itemNode.set("EndpointItemResponse", asParsedByBotocore(item.endpointItemResponse()));
            ObjectNode events = itemNode.putObject("EventsItemResponse");
            item.eventsItemResponse().forEach((eventId, status) -> events.set(eventId, asParsedByBotocore(status)));
        });
        return node;
    }

    private static ObjectNode asParsedByBotocore(ItemStatus status) {
        return Json.MAPPER.createObjectNode().put("Message", status.message()).put("StatusCode", status.statusCode());
    }

    private int skeleton(PrintWriter out, PrintWriter err) {
        switch (skeleton) {
            case "input" -> out.print(PythonJson.pretty(Skeleton.input()));
            case "output" -> out.print(PythonJson.pretty(Skeleton.output()));
            default -> {
                err.print("\nusage: pinpoint-events put-events --generate-cli-skeleton [input|output]\n"
                        + "pinpoint-events put-events: error: argument --generate-cli-skeleton: invalid choice: '"
                        + skeleton + "' (choose from 'input', 'output')\n");
                return CLIENT_ERROR;
            }
        }
        return 0;
    }

    /** The PutEvents input, merged as the AWS CLI merges it; null when required arguments are missing. */
    private ObjectNode input() throws ParameterFile.ParameterException, ParameterFile.TooLargeException {
        ObjectNode input = Json.MAPPER.createObjectNode();
        if (cliInputJson != null) {
            input = parseObject("cli-input-json", ParameterFile.load("cli-input-json", cliInputJson));
        } else if (applicationId == null || eventsRequest == null) {
            return null;
        }
        if (applicationId != null) {
            input.put("ApplicationId", applicationId);
        }
        if (eventsRequest != null) {
            input.set("EventsRequest",
                    parseObject("--events-request", ParameterFile.load("--events-request", eventsRequest)));
        }
        return input;
    }

    private String missingArguments() {
        return applicationId == null && eventsRequest == null ? "--application-id, --events-request"
                : applicationId == null ? "--application-id" : "--events-request";
    }

    private static ObjectNode parseObject(String parameter, String text) throws ParameterFile.ParameterException {
        JsonNode node;
        try {
            node = Json.AWS_CLI_READER.readTree(text);
        } catch (JacksonException e) {
            throw new ParameterFile.ParameterException("Error parsing parameter '" + parameter + "': Invalid JSON: "
                    + e.getOriginalMessage() + "\nJSON received: " + text);
        }
        if (node == null || !node.isObject()) {
            throw new ParameterFile.ParameterException("Error parsing parameter '" + parameter
                    + "': Invalid JSON:\n" + text);
        }
        return (ObjectNode) node;
    }
}
