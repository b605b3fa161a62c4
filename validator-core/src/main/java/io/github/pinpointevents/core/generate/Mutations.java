package io.github.pinpointevents.core.generate;

import io.github.pinpointevents.core.generate.RequestBuilder.Built;
import io.github.pinpointevents.core.generate.RequestBuilder.EndpointRef;
import io.github.pinpointevents.core.result.EventsResponse;
import io.github.pinpointevents.core.result.ItemResponse;
import io.github.pinpointevents.core.result.ItemStatus;
import io.github.pinpointevents.core.result.ServiceError;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.datafaker.Faker;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The mutations of invalid mode: each breaks exactly one rule of the catalogue, and knows the answer that follows
 * from it: which item gets 400 with the rule's message, or which whole-request error, and what the AWS CLI's
 * parameter validation says where botocore's words follow from the change alone. Nothing here asks the validator.
 */
final class Mutations {

    /** One kind of mutation per rule id; the weight makes rare the ones that write megabytes. */
    enum Kind {
        PAYLOAD_TOO_LARGE("request.payload-too-large", 0.25),
        MALFORMED_JSON("request.malformed-json", 1),
        NOT_UTF8("request.not-utf8", 1),
        DUPLICATE_MEMBER("request.duplicate-member", 1),
        NOT_AN_OBJECT("request.not-an-object", 1),
        TYPE_MISMATCH("request.type-mismatch", 1),
        UNKNOWN_MEMBER("request.unknown-member", 1),
        BATCH_ITEM_MISSING("request.batch-item-missing", 1),
        BATCH_ITEM_EMPTY("request.batch-item-empty", 1),
        CHANNEL_TYPE_INVALID("request.channel-type-invalid", 1),
        TOO_MANY_EVENTS("request.too-many-events", 1),
        ENDPOINT_ID_EMPTY("endpoint.id-empty", 1),
        ENDPOINT_MISSING("endpoint.endpoint-missing", 1),
        EVENTS_MISSING("endpoint.events-missing", 1),
        USER_ENDPOINT_LIMIT("endpoint.user-endpoint-limit", 1),
        CHANNEL_TYPE_MISSING("endpoint.channel-type-missing", 1),
        ENDPOINT_ATTRIBUTE_NAME_LENGTH("endpoint.attribute-name-length", 1),
        ENDPOINT_ATTRIBUTE_VALUE_COUNT("endpoint.attribute-value-count", 1),
        ENDPOINT_ATTRIBUTE_VALUE_LENGTH("endpoint.attribute-value-length", 1),
        ENDPOINT_ATTRIBUTE_COUNT("endpoint.attribute-count", 1),
        ENDPOINT_SIZE("endpoint.size", 1),
        EVENT_ID_EMPTY("event.id-empty", 1),
        EVENT_TYPE_BLANK("event.event-type-blank", 1),
        TIMESTAMP_MISSING("event.timestamp-missing", 1),
        TIMESTAMP_INVALID("event.timestamp-invalid", 1),
        EVENT_ATTRIBUTE_COUNT("event.attribute-count", 1),
        EVENT_ATTRIBUTE_KEY_LENGTH("event.attribute-key-length", 1),
        EVENT_ATTRIBUTE_VALUE_LENGTH("event.attribute-value-length", 1),
        EVENT_METRIC_KEY_LENGTH("event.metric-key-length", 1),
        EVENT_SIZE("event.size", 0.5),
        SESSION_ID_MISSING("event.session-id-missing", 1),
        SESSION_START_MISSING("event.session-start-missing", 1),
        SESSION_TIMESTAMP_INVALID("event.session-timestamp-invalid", 1),
        SESSION_DURATION_MISSING("event.session-duration-missing", 1),
        SESSION_DURATION_NEGATIVE("event.session-duration-negative", 1),
        SESSION_DURATION_MISMATCH("event.session-duration-mismatch", 1);

        final String ruleId;
        final double weight;

        Kind(String ruleId, double weight) {
            this.ruleId = ruleId;
            this.weight = weight;
        }

        Rule rule() {
            return RuleCatalogue.get().find(ruleId).orElseThrow(() -> new IllegalStateException("no rule " + ruleId));
        }
    }

    /** Members of the model's structures, in the service model's order (botocore lists them so). */
    private static final String EVENT_MEMBERS = "AppPackageName, AppTitle, AppVersionCode, Attributes,"
            + " ClientSdkVersion, EventType, Metrics, SdkName, Session, Timestamp";
    private static final String ENDPOINT_MEMBERS = "Address, Attributes, ChannelType, Demographic, EffectiveDate,"
            + " EndpointStatus, Location, Metrics, OptOut, RequestId, User";
    private static final String DOUBLE_TYPES = "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>";
    private static final JsonMapper ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Mutations() {
    }

    /** Every rule id some mutation breaks. */
    static Set<String> ruleIds() {
        return Arrays.stream(Kind.values()).map(k -> k.ruleId).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Kinds whose body is bytes no JSON document holds: only the requests format, which writes bodies, has them. */
    private static final Set<Kind> RAW_BODY = EnumSet.of(Kind.MALFORMED_JSON, Kind.NOT_UTF8, Kind.DUPLICATE_MEMBER);

    /** The kinds a run may apply: those named (or all), less raw-body kinds where the format cannot carry them. */
    static List<Kind> enabled(GeneratorConfig config) {
        return Arrays.stream(Kind.values())
                .filter(k -> config.mutations().isEmpty() || config.mutations().contains(k.ruleId))
                .filter(k -> !RAW_BODY.contains(k) || config.format() == OutputFormat.REQUESTS)
                .toList();
    }

    /** Events per endpoint for a request that will carry this mutation. */
    static int[] shape(Kind kind, GeneratorConfig config, RequestBuilder builder, Draw draw) {
        int endpoints = config.endpointsPerRequest();
        return switch (kind) {
            case USER_ENDPOINT_LIMIT -> {
                int n = Math.max(16, endpoints);
                yield builder.shape(n, config.eventsPerRequest() >= n ? config.eventsPerRequest() : 0);
            }
            case TOO_MANY_EVENTS -> builder.shape(endpoints, GeneratorConfig.MAX_EVENTS_PER_REQUEST + 1
                    + draw.between(0, 19));
            default -> builder.shape(endpoints, config.eventsPerRequest());
        };
    }

    /** The answer for a request nobody mutated: every endpoint and event 202, and the AWS CLI sends it. */
    static Expectation accepted(JsonNode eventsRequest) {
        return new Outcome(eventsRequest).expectation();
    }

    /** What a mutation leaves: the request, its raw bytes if not JSON, and the answer that follows. */
    static final class Outcome {
        JsonNode eventsRequest;
        byte[] rawBody;
        ServiceError error;
        final Map<String, String> endpointRefusals = new LinkedHashMap<>();
        final Map<String, Map<String, String>> eventRefusals = new LinkedHashMap<>();
        List<String> cli = new ArrayList<>();

        Outcome(JsonNode eventsRequest) {
            this.eventsRequest = eventsRequest;
        }

        Expectation expectation() {
            if (error != null) {
                return new Expectation(null, error, cli);
            }
            Map<String, ItemResponse> results = new LinkedHashMap<>();
            for (Entry<String, JsonNode> item : eventsRequest.path("BatchItem").properties()) {
                String endpoint = item.getKey();
                Map<String, String> refusedEvents = eventRefusals.getOrDefault(endpoint, Map.of());
                Map<String, ItemStatus> events = new LinkedHashMap<>();
                for (String event : item.getValue().path("Events").propertyNames()) {
                    String message = refusedEvents.get(event);
                    events.put(event, message == null ? ItemStatus.ACCEPTED : ItemStatus.refused(message));
                }
                String message = endpointRefusals.get(endpoint);
                results.put(endpoint, new ItemResponse(message == null ? ItemStatus.ACCEPTED
                        : ItemStatus.refused(message), events));
            }
            return new Expectation(new EventsResponse(results), null, cli);
        }
    }

    /** Applies the mutation to a freshly built (valid) request. */
    static Outcome apply(Kind kind, Built built, Draw draw, Faker faker) {
        Outcome out = new Outcome(built.eventsRequest());
        ObjectNode request = built.eventsRequest();
        ObjectNode batch = (ObjectNode) request.get("BatchItem");
        Rule rule = kind.rule();
        switch (kind) {
            case PAYLOAD_TOO_LARGE -> {
                Target t = anyEvent(built, draw, e -> true);
                // An app that logs a whole screenshot into an attribute: the body passes 4 MB.
                t.event(batch).withObject("Attributes").put("screenshot", "iVBORw0KGgoAAAANSUhEUgAA"
                        + "A".repeat(GeneratorConfig.MAX_REQUEST_BYTES + draw.between(1, 1000)));
                out.error = new ServiceError(rule.errorType(), rule.statusCode(), rule.message());
            }
            case MALFORMED_JSON -> {
                // A body cut short by one byte: the root object is never closed.
                byte[] whole = ASCII.writeValueAsBytes(request);
                out.rawBody = Arrays.copyOf(whole, whole.length - 1);
                out.eventsRequest = null;
                out.error = new ServiceError(rule.errorType(), rule.statusCode(), endOfInputMessage(out.rawBody));
                out.cli = null; // the AWS CLI cannot read the file as JSON: no parameter validation to predict
            }
            case NOT_UTF8 -> {
                // What a Windows tool might save: the body in UTF-16, byte order mark first.
                out.rawBody = ASCII.writeValueAsString(request).getBytes(StandardCharsets.UTF_16);
                out.eventsRequest = null;
                out.error = new ServiceError(rule.errorType(), rule.statusCode(), rule.message());
                out.cli = null; // the AWS CLI reads files as UTF-8: nothing botocore says follows from the change
            }
            case DUPLICATE_MEMBER -> {
                // An event that names its EventType twice, as string concatenation produces.
                Target t = anyEvent(built, draw, e -> e.has("EventType"));
                String type = t.event(batch).get("EventType").stringValue();
                String text = ASCII.writeValueAsString(request);
                String member = "\"EventType\":" + ASCII.writeValueAsString(type);
                int at = text.indexOf(member, text.indexOf(ASCII.writeValueAsString(t.eventId) + ":{"));
                out.rawBody = (text.substring(0, at) + member + "," + text.substring(at))
                        .getBytes(StandardCharsets.US_ASCII);
                out.eventsRequest = null;
                out.error = new ServiceError(rule.errorType(), rule.statusCode(), rule.message());
                out.cli = null;
            }
            case NOT_AN_OBJECT -> {
                // Serialized twice: the body is a JSON string holding the request.
                String text = io.github.pinpointevents.core.internal.Json.MAPPER.writeValueAsString(request);
                out.eventsRequest = StringNode.valueOf(text);
                requestError(out, rule);
                out.cli.add("Invalid type for parameter EventsRequest, value: " + text
                        + ", type: <class 'str'>, valid types: <class 'dict'>");
            }
            case TYPE_MISMATCH -> typeMismatch(built, batch, draw, out, rule);
            case UNKNOWN_MEMBER -> {
                if (draw.chance(0.5)) {
                    Target t = anyEvent(built, draw, e -> true);
                    t.event(batch).put("EventId", t.eventId);
                    out.cli.add("Unknown parameter in " + path(t.endpointId, t.eventId) + ": \"EventId\", must be one"
                            + " of: " + EVENT_MEMBERS);
                } else {
                    EndpointRef e = draw.one(built.endpoints());
                    ((ObjectNode) batch.get(e.id()).get("Endpoint")).put("EndpointId", e.id());
                    out.cli.add("Unknown parameter in EventsRequest.BatchItem." + e.id() + ".Endpoint: \"EndpointId\","
                            + " must be one of: " + ENDPOINT_MEMBERS);
                }
                requestError(out, rule);
            }
            case BATCH_ITEM_MISSING -> {
                out.eventsRequest = NODES.objectNode();
                requestError(out, rule);
                out.cli.add("Missing required parameter in EventsRequest: \"BatchItem\"");
            }
            case BATCH_ITEM_EMPTY -> {
                request.putObject("BatchItem");
                requestError(out, rule);
            }
            case CHANNEL_TYPE_INVALID -> {
                EndpointRef e = draw.one(built.endpoints());
                String wrong = switch (e.sdk().platform()) {
                    case ANDROID -> "FCM";
                    case IOS -> "apns";
                    case WEB -> e.sdk() == Sdk.SERVER ? "E-MAIL" : "WEB_PUSH";
                };
                ((ObjectNode) batch.get(e.id()).get("Endpoint")).put("ChannelType", wrong);
                requestError(out, rule);
            }
            case TOO_MANY_EVENTS -> requestError(out, rule);
            case ENDPOINT_ID_EMPTY -> {
                EndpointRef e = draw.one(built.endpoints());
                rename(batch, e.id(), "");
                out.endpointRefusals.put("", rule.message());
            }
            case ENDPOINT_MISSING -> {
                EndpointRef e = draw.one(built.endpoints());
                ((ObjectNode) batch.get(e.id())).remove("Endpoint");
                out.endpointRefusals.put(e.id(), rule.message());
                out.cli.add("Missing required parameter in EventsRequest.BatchItem." + e.id() + ": \"Endpoint\"");
            }
            case EVENTS_MISSING -> {
                EndpointRef e = draw.one(built.endpoints());
                ((ObjectNode) batch.get(e.id())).remove("Events");
                out.endpointRefusals.put(e.id(), rule.message());
                out.cli.add("Missing required parameter in EventsRequest.BatchItem." + e.id() + ": \"Events\"");
            }
            case USER_ENDPOINT_LIMIT -> {
                // One account signed in on more devices than the service allows (15).
                String userId = draw.uuid(false);
                int n = 0;
                for (EndpointRef e : built.endpoints()) {
                    ((ObjectNode) batch.get(e.id()).get("Endpoint")).withObject("User").put("UserId", userId);
                    if (++n > 15) {
                        out.endpointRefusals.put(e.id(), rule.message());
                    }
                }
            }
            case CHANNEL_TYPE_MISSING -> {
                EndpointRef e = draw.one(built.endpoints());
                ObjectNode endpoint = (ObjectNode) batch.get(e.id()).get("Endpoint");
                if (endpoint.path("Address").asString("").isEmpty()) {
                    endpoint.put("Address", e.sdk().platform() == Platform.IOS ? draw.hex(64)
                            : draw.urlSafe(22) + ":APA91b" + draw.urlSafe(134));
                }
                endpoint.remove("ChannelType");
                out.endpointRefusals.put(e.id(), rule.message());
            }
            case ENDPOINT_ATTRIBUTE_NAME_LENGTH -> {
                EndpointRef e = draw.one(built.endpoints());
                String name = pad("preferred_notification_channel_for_", 51 + draw.between(0, 9));
                endpointAttributes(batch, e).putArray(name).add("email");
                out.endpointRefusals.put(e.id(), rule.message());
            }
            case ENDPOINT_ATTRIBUTE_VALUE_COUNT -> {
                EndpointRef e = draw.one(built.endpoints());
                var values = endpointAttributes(batch, e).putArray("recently_viewed");
                int n = 51 + draw.between(0, 20);
                for (int i = 0; i < n; i++) {
                    values.add("sku_" + draw.digits(6));
                }
                out.endpointRefusals.put(e.id(), rule.message());
            }
            case ENDPOINT_ATTRIBUTE_VALUE_LENGTH -> {
                EndpointRef e = draw.one(built.endpoints());
                endpointAttributes(batch, e).putArray("bio").add(text(faker, 101 + draw.between(0, 60)));
                out.endpointRefusals.put(e.id(), rule.message());
            }
            case ENDPOINT_ATTRIBUTE_COUNT -> {
                EndpointRef e = draw.one(built.endpoints());
                ObjectNode endpoint = (ObjectNode) batch.get(e.id()).get("Endpoint");
                ObjectNode attributes = endpointAttributes(batch, e);
                int have = attributes.size() + endpoint.path("Metrics").size()
                        + endpoint.path("User").path("UserAttributes").size();
                int target = 251 + draw.between(0, 10);
                for (int i = 0; have < target; i++) {
                    String key = String.format(java.util.Locale.ROOT, "segment_%03d", i);
                    if (!attributes.has(key)) {
                        attributes.putArray(key).add("true");
                        have++;
                    }
                }
                out.endpointRefusals.put(e.id(), rule.message());
            }
            case ENDPOINT_SIZE -> {
                EndpointRef e = draw.one(built.endpoints());
                ObjectNode attributes = endpointAttributes(batch, e);
                for (int a = 1; a <= 4; a++) {
                    var values = attributes.putArray("history_" + a);
                    for (int i = 0; i < 50; i++) {
                        values.add(draw.urlSafe(100));
                    }
                }
                out.endpointRefusals.put(e.id(), rule.message());
            }
            case EVENT_ID_EMPTY -> {
                Target t = anyEvent(built, draw, e -> true);
                rename((ObjectNode) batch.get(t.endpointId).get("Events"), t.eventId, "");
                refuse(out, t.endpointId, "", rule);
            }
            case EVENT_TYPE_BLANK -> {
                Target t = anyEvent(built, draw, e -> true);
                ObjectNode event = t.event(batch);
                switch (draw.between(0, 2)) {
                    case 0 -> {
                        event.remove("EventType");
                        out.cli.add("Missing required parameter in " + path(t.endpointId, t.eventId)
                                + ": \"EventType\"");
                    }
                    case 1 -> event.put("EventType", "");
                    default -> event.put("EventType", " ".repeat(draw.between(1, 3)));
                }
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case TIMESTAMP_MISSING -> {
                Target t = anyEvent(built, draw, e -> true);
                t.event(batch).remove("Timestamp");
                out.cli.add("Missing required parameter in " + path(t.endpointId, t.eventId) + ": \"Timestamp\"");
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case TIMESTAMP_INVALID -> {
                Target t = anyEvent(built, draw, e -> true);
                ObjectNode event = t.event(batch);
                event.put("Timestamp", invalidTimestamp(event.get("Timestamp").stringValue(), draw));
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case EVENT_ATTRIBUTE_COUNT -> {
                Target t = anyEvent(built, draw, e -> true);
                ObjectNode event = t.event(batch);
                ObjectNode attributes = event.withObject("Attributes");
                int have = attributes.size() + event.path("Metrics").size();
                int target = 40 + draw.between(0, 5);
                for (int i = 0; have < target; i++) {
                    String key = String.format(java.util.Locale.ROOT, "custom_%02d", i);
                    if (!attributes.has(key)) {
                        attributes.put(key, "value " + i);
                        have++;
                    }
                }
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case EVENT_ATTRIBUTE_KEY_LENGTH -> {
                Target t = anyEvent(built, draw, e -> true);
                t.event(batch).withObject("Attributes").put(pad("experiment_variant_for_checkout_redesign_",
                        50 + draw.between(0, 10)), "b");
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case EVENT_ATTRIBUTE_VALUE_LENGTH -> {
                Target t = anyEvent(built, draw, e -> true);
                t.event(batch).withObject("Attributes").put("error_message", text(faker, 200 + draw.between(0, 60)));
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case EVENT_METRIC_KEY_LENGTH -> {
                Target t = anyEvent(built, draw, e -> true);
                t.event(batch).withObject("Metrics").put(pad("time_to_first_meaningful_paint_in_milliseconds_",
                        50 + draw.between(0, 10)), (double) draw.between(100, 5000));
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case EVENT_SIZE -> {
                Target t = anyEvent(built, draw, e -> true);
                t.event(batch).put("AppTitle", "Northwind " + "X".repeat(1_000_000 + draw.between(0, 1000)));
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case SESSION_ID_MISSING -> {
                Target t = sessionEvent(built, batch, draw);
                ObjectNode session = (ObjectNode) t.event(batch).get("Session");
                if (draw.chance(0.5)) {
                    session.remove("Id");
                    out.cli.add("Missing required parameter in " + path(t.endpointId, t.eventId) + ".Session: \"Id\"");
                } else {
                    session.put("Id", "");
                }
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case SESSION_START_MISSING -> {
                Target t = sessionEvent(built, batch, draw);
                ((ObjectNode) t.event(batch).get("Session")).remove("StartTimestamp");
                out.cli.add("Missing required parameter in " + path(t.endpointId, t.eventId)
                        + ".Session: \"StartTimestamp\"");
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case SESSION_TIMESTAMP_INVALID -> {
                Target t = sessionEvent(built, batch, draw);
                ObjectNode session = (ObjectNode) t.event(batch).get("Session");
                String member = session.has("StopTimestamp") && draw.chance(0.5) ? "StopTimestamp" : "StartTimestamp";
                session.put(member, invalidTimestamp(session.get(member).stringValue(), draw));
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case SESSION_DURATION_MISSING -> {
                Target t = sessionEvent(built, batch, draw);
                ObjectNode event = t.event(batch);
                ObjectNode session = (ObjectNode) event.get("Session");
                if (!session.has("StopTimestamp")) {
                    session.put("StopTimestamp", event.get("Timestamp").stringValue());
                }
                session.remove("Duration");
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case SESSION_DURATION_NEGATIVE -> {
                Target t = sessionEvent(built, batch, draw);
                ((ObjectNode) t.event(batch).get("Session")).put("Duration", -(long) draw.between(1, 600_000));
                refuse(out, t.endpointId, t.eventId, rule);
            }
            case SESSION_DURATION_MISMATCH -> {
                Target t = sessionEvent(built, batch, draw);
                ObjectNode event = t.event(batch);
                ObjectNode session = (ObjectNode) event.get("Session");
                if (!session.has("StopTimestamp")) {
                    session.put("StopTimestamp", event.get("Timestamp").stringValue());
                }
                long difference = Instant.parse(session.get("StopTimestamp").stringValue()).toEpochMilli()
                        - Instant.parse(session.get("StartTimestamp").stringValue()).toEpochMilli();
                // Seconds where milliseconds belong, or off by one millisecond (DavidWells/analytics).
                long wrong = difference >= 2000 && draw.chance(0.5) ? difference / 1000 : difference + 1;
                session.put("Duration", wrong);
                refuse(out, t.endpointId, t.eventId, rule);
            }
        }
        return out;
    }

    private static void typeMismatch(Built built, ObjectNode batch, Draw draw, Outcome out, Rule rule) {
        List<Target> withMetrics = targets(built, e -> e.path("Metrics").size() > 0, batch);
        List<EndpointRef> located = built.endpoints().stream()
                .filter(e -> batch.get(e.id()).path("Endpoint").path("Location").has("Latitude")).toList();
        int variant = draw.between(0, 2);
        if (variant == 1 && !withMetrics.isEmpty()) {
            // A metric sent as text.
            Target t = draw.one(withMetrics);
            ObjectNode metrics = (ObjectNode) t.event(batch).get("Metrics");
            String key = metrics.propertyNames().iterator().next();
            String text = metrics.get(key).asString();
            metrics.put(key, text);
            out.cli.add("Invalid type for parameter " + path(t.endpointId, t.eventId) + ".Metrics." + key + ", value: "
                    + text + ", type: <class 'str'>, valid types: " + DOUBLE_TYPES);
        } else if (variant == 2 && !located.isEmpty()) {
            // A coordinate sent as text.
            EndpointRef e = draw.one(located);
            ObjectNode location = (ObjectNode) batch.get(e.id()).get("Endpoint").get("Location");
            String text = location.get("Latitude").asString();
            location.put("Latitude", text);
            out.cli.add("Invalid type for parameter EventsRequest.BatchItem." + e.id() + ".Endpoint.Location.Latitude,"
                    + " value: " + text + ", type: <class 'str'>, valid types: " + DOUBLE_TYPES);
        } else {
            // Epoch milliseconds where an ISO 8601 string belongs.
            Target t = anyEvent(built, draw, ev -> true);
            ObjectNode event = t.event(batch);
            long millis = Instant.parse(event.get("Timestamp").stringValue()).toEpochMilli();
            event.put("Timestamp", millis);
            out.cli.add("Invalid type for parameter " + path(t.endpointId, t.eventId) + ".Timestamp, value: " + millis
                    + ", type: <class 'int'>, valid types: <class 'str'>");
        }
        requestError(out, rule);
    }

    /** The Jackson parser's text for a body whose root object is never closed (ASCII bodies only). */
    static String endOfInputMessage(byte[] body) {
        String source = "[Source: (byte[])" + excerpt(body);
        return "Unexpected end-of-input: expected close marker for Object (start marker at " + source
                + "; line: 1, column: 1])\n at " + source + "; line: 1, column: " + (body.length + 1) + "]";
    }

    /** Jackson's view of the input in its messages: the first 500 bytes, and how many it left out. */
    private static String excerpt(byte[] body) {
        int shown = Math.min(500, body.length);
        String text = "\"" + new String(body, 0, shown, StandardCharsets.US_ASCII) + "\"";
        return body.length > shown ? text + "[truncated " + (body.length - shown) + " bytes]" : text;
    }

    private static String invalidTimestamp(String valid, Draw draw) {
        Instant at = Instant.parse(valid);
        String base = valid.substring(0, valid.length() - 1); // without the Z
        return switch (draw.between(0, 3)) {
            case 0 -> base + "+0000"; // amplify-swift before https://github.com/aws-amplify/amplify-swift/pull/1975
            case 1 -> base.replace('T', ' '); // Python's str(datetime): no T, no offset
            case 2 -> Long.toString(at.toEpochMilli()); // epoch milliseconds in a string
            default -> base + "000"; // datetime.isoformat() of a naive local time (ISV sample)
        };
    }

    private static void requestError(Outcome out, Rule rule) {
        out.error = new ServiceError(rule.errorType(), rule.statusCode(), rule.message());
    }

    private static void refuse(Outcome out, String endpointId, String eventId, Rule rule) {
        out.eventRefusals.computeIfAbsent(endpointId, k -> new LinkedHashMap<>()).put(eventId, rule.message());
    }

    private static String path(String endpointId, String eventId) {
        return "EventsRequest.BatchItem." + endpointId + ".Events." + eventId;
    }

    private static ObjectNode endpointAttributes(ObjectNode batch, EndpointRef e) {
        return ((ObjectNode) batch.get(e.id()).get("Endpoint")).withObject("Attributes");
    }

    private static String pad(String prefix, int length) {
        StringBuilder s = new StringBuilder(prefix);
        while (s.length() < length) {
            s.append(s.length() % 7 == 0 ? '_' : (char) ('a' + s.length() % 26));
        }
        return s.substring(0, length);
    }

    private static String text(Faker faker, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(s.isEmpty() ? "" : " ").append(faker.lorem().sentence(12));
        }
        return s.substring(0, length);
    }

    /** Replaces a key of an object by another, keeping its place. */
    private static void rename(ObjectNode object, String from, String to) {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        object.properties().forEach(e -> copy.put(e.getKey().equals(from) ? to : e.getKey(), e.getValue()));
        object.removeAll();
        copy.forEach(object::set);
    }

    private record Target(String endpointId, String eventId) {
        ObjectNode event(ObjectNode batch) {
            return (ObjectNode) batch.get(endpointId).get("Events").get(eventId);
        }
    }

    private static List<Target> targets(Built built, Predicate<JsonNode> accept, ObjectNode batch) {
        List<Target> all = new ArrayList<>();
        for (EndpointRef e : built.endpoints()) {
            for (String id : e.eventIds()) {
                if (accept.test(batch.get(e.id()).get("Events").get(id))) {
                    all.add(new Target(e.id(), id));
                }
            }
        }
        return all;
    }

    private static Target anyEvent(Built built, Draw draw, Predicate<JsonNode> accept) {
        return draw.one(targets(built, accept, (ObjectNode) built.eventsRequest().get("BatchItem")));
    }

    /** An event with a Session; a server-side request has none, so one of its events gets one. */
    private static Target sessionEvent(Built built, ObjectNode batch, Draw draw) {
        List<Target> withSession = targets(built, e -> e.has("Session"), batch);
        if (!withSession.isEmpty()) {
            return draw.one(withSession);
        }
        Target t = anyEvent(built, draw, e -> true);
        ObjectNode event = t.event(batch);
        ObjectNode session = event.putObject("Session");
        session.put("Id", draw.uuid(false));
        session.put("StartTimestamp", event.get("Timestamp").stringValue());
        return t;
    }
}
