package io.github.pinpointevents.core.awscli;

import io.burt.jmespath.Expression;
import io.burt.jmespath.parser.ParseException;
import io.github.pinpointevents.core.InputSource;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.internal.JmesPathJackson3;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.PythonJson;
import io.github.pinpointevents.core.internal.Skeleton;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.EventsResponse;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.result.ItemStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code aws pinpoint put-events} as AWS CLI v2 runs it, answered offline: parameters read and checked as the
 * AWS CLI does, the service's decision on the bytes it would send, and the answer printed with {@code --query}
 * and {@code --output}. Exit codes: 0 answered, 252 refused by the CLI, 254 refused by the service.
 */
public final class AwsCliPutEvents {

    /** The AWS CLI refused the command line or a parameter. */
    public static final int CLIENT_ERROR = 252;
    /** The service refused the whole request. */
    public static final int SERVICE_ERROR = 254;

    private static final String USAGE = "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
            + "To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n";

    private static final JmesPathJackson3 JMESPATH = new JmesPathJackson3();

    /**
     * One command line's parameters, null when not given. {@code defaultOutput} is AWS_DEFAULT_OUTPUT's value;
     * {@code unknown} the options the AWS CLI does not know.
     */
    public record Arguments(String applicationId, String eventsRequest, String cliInputJson, String skeleton,
            String query, String output, String defaultOutput, List<String> unknown) {
    }

    private AwsCliPutEvents() {
    }

    /** Runs the command; returns its exit code. */
    public static int run(Arguments args, PrintWriter out, PrintWriter err) {
        try {
            return runChecked(args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int runChecked(Arguments args, PrintWriter out, PrintWriter err) {
        if (args.output() != null && AwsCliOutput.named(args.output()) == null) {
            return usageError(err, "argument --output: Invalid choice, valid choices are:\n\n"
                    + "json                                     | text                                    \n"
                    + "table                                    | yaml                                    \n"
                    + "yaml-stream                             \n");
        }
        if (args.skeleton() != null && !List.of("input", "output", "yaml-input").contains(args.skeleton())) {
            return usageError(err, "argument --generate-cli-skeleton: Invalid choice, valid choices are:\n\n"
                    + "input                                    | output                                  \n"
                    + "yaml-input                              \n");
        }
        if (args.skeleton() != null && !"output".equals(args.skeleton())) {
            // yaml-input without the AWS CLI's comments: they are the service model's documentation (README).
            ("input".equals(args.skeleton()) ? AwsCliOutput.JSON : AwsCliOutput.YAML).write(Skeleton.input(), out);
            return 0;
        }
        Expression<JsonNode> query = null;
        if (args.query() != null) {
            try {
                query = JMESPATH.compile(args.query());
            } catch (ParseException e) {
                err.print("\nBad value for --query " + args.query() + ": Invalid jmespath expression: "
                        + e.getMessage() + "\n");
                return CLIENT_ERROR;
            }
        }
        String outputName = args.output() != null ? args.output()
                : args.defaultOutput() != null ? args.defaultOutput() : "json";
        AwsCliOutput output = AwsCliOutput.named(outputName);
        if (output == null) {
            err.print("\nUnknown output type: " + outputName + "\n");
            return CLIENT_ERROR;
        }
        List<String> missing = new ArrayList<>();
        if (args.cliInputJson() == null) {
            if (args.applicationId() == null) {
                missing.add("--application-id");
            }
            if (args.eventsRequest() == null) {
                missing.add("--events-request");
            }
        }
        if (!missing.isEmpty()) {
            return usageError(err, "the following arguments are required: " + String.join(", ", missing) + "\n");
        }
        if (!args.unknown().isEmpty()) {
            return usageError(err, "Unknown options: " + String.join(", ", args.unknown()) + "\n");
        }
        return send(args, output, query, out, err);
    }

    private static int send(Arguments args, AwsCliOutput output, Expression<JsonNode> query, PrintWriter out,
            PrintWriter err) {
        PutEventsValidator validator = PutEventsValidator.create(ValidatorConfig.builder().warnings(false).build());
        ObjectNode input;
        try {
            input = input(args);
        } catch (ParameterFile.ParameterException e) {
            err.print("\n" + e.getMessage() + "\n");
            return e.exitCode();
        } catch (ParameterFile.TooLargeException e) {
            // Answered by its size, unread: the body botocore would send from it is over the limit too.
            return serviceError(err, validator.decideBySize(e.size()).orElseThrow());
        }
        List<Finding> refused = validator.checkParameters(input,
                args.eventsRequest() != null ? InputSource.EVENTS_REQUEST_ARGUMENT : InputSource.CLI_INPUT_JSON);
        if (!refused.isEmpty()) {
            StringBuilder text = new StringBuilder("\nParameter validation failed:\n");
            refused.forEach(v -> text.append(v.message()).append('\n'));
            err.print(text);
            return CLIENT_ERROR;
        }
        JsonNode response;
        if (args.skeleton() != null) { // "output": checked as if sent, then a placeholder answer, unsent
            response = Skeleton.output();
        } else {
            byte[] body = PythonJson.dumps(input.get("EventsRequest")); // the bytes botocore would send
            input = null; // as large as the service's own tree of the body: let it go before that is built
            Decision decision = validator.decide(body);
            if (decision.error() != null) {
                return serviceError(err, decision);
            }
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.set("EventsResponse", asParsedByBotocore(decision.response()));
            response = root;
        }
        output.write(query == null ? response : query.search(response), out); // JSON streams: 4 MB in, ~20 MB out
        return 0;
    }

    private static int usageError(PrintWriter err, String message) {
        err.print(USAGE + "aws: error: " + message);
        return CLIENT_ERROR;
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
    public static ObjectNode asParsedByBotocore(EventsResponse response) {
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

    /** The PutEvents input, merged as the AWS CLI merges it: command-line values override the input document. */
    private static ObjectNode input(Arguments args)
            throws ParameterFile.ParameterException, ParameterFile.TooLargeException {
        ObjectNode input = Json.MAPPER.createObjectNode();
        if (args.cliInputJson() != null) {
            input = AwsCliJson.parseObject("cli-input-json", ParameterFile.load("cli-input-json", args.cliInputJson()));
        }
        if (args.applicationId() != null) {
            input.put("ApplicationId", args.applicationId());
        }
        if (args.eventsRequest() != null) {
            input.set("EventsRequest", AwsCliJson.parseObject("--events-request",
                    ParameterFile.load("--events-request", args.eventsRequest())));
        }
        return input;
    }
}
