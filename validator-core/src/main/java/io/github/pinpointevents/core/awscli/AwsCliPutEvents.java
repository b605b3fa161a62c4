package io.github.pinpointevents.core.awscli;

import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.parser.ParseException;
import io.github.pinpointevents.core.InputSource;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.internal.JmesPathJackson3;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.PythonJson;
import io.github.pinpointevents.core.internal.ShapeModel;
import io.github.pinpointevents.core.internal.Skeleton;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.EventsResponse;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.result.ItemStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
    /** Anything else the AWS CLI stops on, such as an unknown output type or a value Python cannot convert. */
    public static final int GENERAL_ERROR = 255;

    private static final String USAGE = "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
            + "To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n";

    private static final JmesPathJackson3 JMESPATH = new JmesPathJackson3();

    /**
     * One command line's parameters, null when not given. {@code defaultOutput} is AWS_DEFAULT_OUTPUT's value;
     * {@code unknown} the arguments the AWS CLI does not know, in their order.
     */
    public record Arguments(String applicationId, String eventsRequest, String cliInputJson, String cliInputYaml,
            String skeleton, String query, String output, String defaultOutput, List<String> unknown) {
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

    // The order of the checks is the AWS CLI's: global options, then the operation's options as argparse reads
    // them, then the parameters' values, then the call; the output format from the environment only after it.
    private static int runChecked(Arguments args, PrintWriter out, PrintWriter err) {
        if (args.output() != null && AwsCliOutput.named(args.output()) == null) {
            return usageError(err, "argument --output: Invalid choice, valid choices are:\n\n"
                    + "json                                     | text                                    \n"
                    + "table                                    | yaml                                    \n"
                    + "yaml-stream                             \n");
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
        if (args.skeleton() != null && !List.of("input", "output", "yaml-input").contains(args.skeleton())) {
            return usageError(err, "argument --generate-cli-skeleton: Invalid choice, valid choices are:\n\n"
                    + "input                                    | output                                  \n"
                    + "yaml-input                              \n");
        }
        // --cli-input-json, --cli-input-yaml and a skeleton other than output make the required options optional.
        List<String> missing = new ArrayList<>();
        if (args.cliInputJson() == null && args.cliInputYaml() == null
                && (args.skeleton() == null || "output".equals(args.skeleton()))) {
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
            err.print(USAGE.stripTrailing() + "\n\nUnknown options: " + String.join(", ", args.unknown()) + "\n\n");
            return CLIENT_ERROR;
        }
        return send(args, query, out, err);
    }

    private static int send(Arguments args, Expression<JsonNode> query, PrintWriter out, PrintWriter err) {
        PutEventsValidator validator = PutEventsValidator.create(ValidatorConfig.builder().warnings(false).build());
        Input parsed;
        try {
            parsed = input(args);
        } catch (ShorthandTypes.ConversionError e) {
            err.print("\n" + e.getMessage() + "\n");
            return GENERAL_ERROR;
        } catch (ParameterFile.ParameterException e) {
            err.print("\n" + e.getMessage() + "\n");
            return e.exitCode();
        } catch (ParameterFile.TooLargeException e) {
            // Answered by its size, unread: the body botocore would send from it is over the limit too.
            return serviceError(err, validator.decideBySize(e.size()).orElseThrow());
        }
        if ("input".equals(args.skeleton()) || "yaml-input".equals(args.skeleton())) {
            if ("input".equals(args.skeleton())) {
                AwsCliOutput.JSON.write(Skeleton.input(), out);
            } else {
                out.print(YamlInputSkeleton.text());
            }
            return 0;
        }
        ObjectNode input = parsed.tree();
        List<Finding> refused = validator.checkParameters(input,
                parsed.ordered() ? InputSource.EVENTS_REQUEST_ARGUMENT : InputSource.CLI_INPUT_JSON);
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
            // The bytes botocore would send, decided on the tree read here where they read back as that tree.
            Decision decision = validator.decideAsSent(input.get("EventsRequest")).decision();
            // The request's tree is not needed from here on; unheld, a body of 100,000 endpoints and its
            // printed answer fit in 64 MB together.
            input = null;
            parsed = null;
            if (decision.error() != null) {
                return serviceError(err, decision);
            }
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.set("EventsResponse", asParsedByBotocore(decision.response()));
            response = root;
        }
        String outputName = args.output() != null ? args.output()
                : args.defaultOutput() != null ? args.defaultOutput() : "json";
        AwsCliOutput output = AwsCliOutput.named(outputName);
        if (output == null) { // the AWS CLI finds out when it formats the answer, after the call
            err.print("\nUnknown output type: " + outputName + "\n");
            return GENERAL_ERROR;
        }
        JsonNode shown = response;
        if (query != null) {
            try {
                shown = query.search(response);
            } catch (JmesPathException e) { // a function given the wrong type or number of arguments
                err.print("\n" + e.getMessage() + "\n"); // the AWS CLI's wording differs (docs/put-events.md)
                return GENERAL_ERROR;
            }
        }
        output.write(shown, out); // JSON streams: 4 MB in, ~20 MB out
        return 0;
    }

    private static int usageError(PrintWriter err, String message) {
        err.print(USAGE + "aws: error: " + message + "\n");
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
        // One node per distinct status, shared: the tree is only read and written, and 100,000 endpoints
        // answered "Accepted" would otherwise be 100,000 copies of the same two members.
        Map<ItemStatus, ObjectNode> statuses = new HashMap<>();
        Function<ItemStatus, ObjectNode> status = s -> statuses.computeIfAbsent(s, AwsCliPutEvents::asParsedByBotocore);
        response.results().forEach((endpointId, item) -> {
            ObjectNode itemNode = results.putObject(endpointId);
            itemNode.set("EndpointItemResponse", status.apply(item.endpointItemResponse()));
            ObjectNode events = itemNode.putObject("EventsItemResponse");
            item.eventsItemResponse().forEach((eventId, s) -> events.set(eventId, status.apply(s)));
        });
        return node;
    }

    private static ObjectNode asParsedByBotocore(ItemStatus status) {
        return Json.MAPPER.createObjectNode().put("Message", status.message()).put("StatusCode", status.statusCode());
    }

    /** The PutEvents input, and whether botocore sees its objects as OrderedDicts (--events-request JSON). */
    private record Input(ObjectNode tree, boolean ordered) {
    }

    /**
     * The PutEvents input, merged as the AWS CLI merges it: the command line's values first, then the input
     * document's members the command line did not give.
     */
    private static Input input(Arguments args) throws ParameterFile.ParameterException, ParameterFile.TooLargeException,
            ShorthandTypes.ConversionError {
        ObjectNode input = Json.MAPPER.createObjectNode();
        boolean ordered = false;
        if (args.applicationId() != null) {
            input.put("ApplicationId", args.applicationId());
        }
        if (args.eventsRequest() != null) {
            String text = ParameterFile.load("--events-request", args.eventsRequest());
            String start = text.strip();
            if (start.startsWith("{") || start.startsWith("[")) {
                input.set("EventsRequest", AwsCliJson.parseObject("--events-request", text));
                ordered = true;
            } else {
                try {
                    input.set("EventsRequest", ShorthandTypes.typed(Shorthand.parse(text),
                            ShapeModel.get().eventsRequest()));
                } catch (Shorthand.SyntaxError e) {
                    throw new ParameterFile.ParameterException("Error parsing parameter '--events-request': "
                            + e.getMessage());
                }
            }
        }
        if (args.cliInputJson() != null && args.cliInputYaml() != null) {
            throw new ParameterFile.ParameterException("Only one --cli-input- parameter may be specified.");
        }
        ObjectNode document = null;
        if (args.cliInputJson() != null) {
            document = AwsCliJson.parseDocument(ParameterFile.load("--cli-input-json", args.cliInputJson()));
        } else if (args.cliInputYaml() != null) {
            document = AwsCliYaml.parseObject(ParameterFile.load("--cli-input-yaml", args.cliInputYaml()));
        }
        if (document != null) {
            for (var member : document.properties()) {
                if (!input.has(member.getKey())) {
                    input.set(member.getKey(), member.getValue());
                }
            }
        }
        return new Input(input, ordered);
    }
}
