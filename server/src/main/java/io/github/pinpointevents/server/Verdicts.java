package io.github.pinpointevents.server;

import io.github.pinpointevents.core.JsonCodec;
import io.github.pinpointevents.core.result.DecidedRequest;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.result.ItemResponse;
import io.github.pinpointevents.core.result.ItemStatus;
import io.github.pinpointevents.core.rules.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one PutEvents decision into {@link Journal} entries: one per event with its verdict, or one for the
 * whole request when the service refuses it. The rule's id, provenance and source come from the same
 * {@link Rule} objects {@code pinpoint-events rules} prints (core's exported rules package).
 */
final class Verdicts {

    /** A body larger than this is not kept whole in a whole-request entry; its first bytes are. */
    static final int MAX_KEPT_BODY = 64 * 1024;
    static final int EXCERPT = 2_048;

    /**
     * An entry before the journal numbers it. {@code members} gives its JSON object's text without the braces
     * (every member but Sequence and Received, which the journal puts first), written when first asked for.
     * {@code weight} is its size for the journal's byte budget until then. {@code event} is the event as sent,
     * compact, when the entry is for an event that is an object: the record line reuses those bytes.
     */
    record Draft(Supplier<byte[]> members, long weight, String applicationId, String endpointId, String eventId,
            String eventType, String sessionId, int status, byte[] event) {

        boolean acceptedEvent() {
            return status == 202 && event != null;
        }

        /** {@code event}, {@code request}, or {@code endpoint} for an endpoint call (an endpoint but no event id). */
        String kind() {
            return eventId != null ? "event" : endpointId != null ? EndpointCalls.KIND : "request";
        }
    }

    /** An event entry's members but its ids, strings and Event, in bytes; a rule's entry, with its texts. */
    private static final int FIXED_MEMBERS = 160;
    private static final int RULE_MEMBERS = 1_500;
    private static final byte[] EVENT_MEMBER = ",\"Event\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private Verdicts() {
    }

    /**
     * The entries of a request with an answer: one per event, or one for the refused request. Each event is
     * written here, all through one generator; the rest of each entry is written when the journal is read.
     */
    static List<Draft> of(String app, String requestId, byte[] body, DecidedRequest decidedRequest) {
        Decision decision = decidedRequest.decision();
        if (decision.error() != null) {
            return List.of(request(app, requestId, body, decidedRequest.request(), decision.error().httpStatus(),
                    decision.error().message(), decision.errors(), decision.warnings()));
        }
        JsonNode batchItem = decidedRequest.request().path("BatchItem");
        List<JsonNode> sentEvents = new ArrayList<>();
        for (Map.Entry<String, ItemResponse> item : decision.response().results().entrySet()) {
            JsonNode sent = batchItem.path(item.getKey()).path("Events");
            for (String eventId : item.getValue().eventsItemResponse().keySet()) {
                JsonNode one = sent.path(eventId);
                if (!one.isMissingNode()) {
                    sentEvents.add(one);
                }
            }
        }
        // The events' compact text is about the body's length (numbers can come out longer; the buffer grows).
        Iterator<byte[]> written = JsonCodec.writeEach(sentEvents, body.length).iterator();
        List<Draft> out = new ArrayList<>(sentEvents.size());
        for (Map.Entry<String, ItemResponse> item : decision.response().results().entrySet()) {
            String endpointId = item.getKey();
            JsonNode sent = batchItem.path(endpointId).path("Events");
            for (Map.Entry<String, ItemStatus> event : item.getValue().eventsItemResponse().entrySet()) {
                String eventId = event.getKey();
                ItemStatus status = event.getValue();
                JsonNode one = sent.path(eventId);
                byte[] eventJson = one.isMissingNode() ? null : written.next();
                String type = text(one.path("EventType"));
                String session = text(one.path("Session").path("Id"));
                // The entry keeps only its own findings, and weighs their texts: a finding's detail can be as long
                // as the member it quotes, and an entry must not hold more than the budget counts.
                Finding decided = status.accepted() ? null : decidingFinding(decision.errors(), endpointId, eventId,
                        status.message());
                List<Finding> warnings = new ArrayList<>();
                for (Finding w : decision.warnings()) {
                    if (endpointId.equals(w.endpointId()) && (w.eventId() == null || eventId.equals(w.eventId()))) {
                        warnings.add(w);
                    }
                }
                long weight = FIXED_MEMBERS + (eventJson == null ? 4 : eventJson.length) + length(requestId)
                        + length(app) + length(endpointId) + length(eventId) + length(type) + length(session)
                        + length(status.message()) + weight(decided);
                for (Finding w : warnings) {
                    weight += weight(w);
                }
                Supplier<byte[]> members = () -> eventMembers(JsonCodec.write(eventHeader(decided, warnings,
                        requestId, app, endpointId, eventId, type, session, status)), eventJson);
                out.add(new Draft(members, weight, app, endpointId, eventId, type, session, status.statusCode(),
                        one.isObject() ? eventJson : null));
            }
        }
        return out;
    }

    /** An event entry's members before its Event. */
    private static ObjectNode eventHeader(Finding decided, List<Finding> warningFindings, String requestId, String app, String endpointId,
            String eventId, String type, String session, ItemStatus status) {
        String prefix = "/BatchItem/" + escape(endpointId) + "/Events/" + escape(eventId);
        ObjectNode node = JsonCodec.object();
        node.put("Kind", "event");
        node.put("RequestId", requestId);
        node.put("ApplicationId", app);
        node.put("EndpointId", endpointId);
        node.put("EventId", eventId);
        node.put("EventType", type);
        node.put("SessionId", session);
        node.put("StatusCode", status.statusCode());
        node.put("Message", status.message());
        node.set("Rule", decided == null ? null : rule(decided, prefix));
        ArrayNode warnings = node.putArray("Warnings");
        for (Finding w : warningFindings) {
            warnings.add(rule(w, prefix));
        }
        return node;
    }

    /** What a finding adds to an entry: its rule's texts and its own. */
    private static long weight(Finding f) {
        return f == null ? 0 : RULE_MEMBERS + length(f.message()) + length(f.detail()) + length(f.pointer());
    }

    private static int length(String s) {
        return s == null ? 4 : s.length();
    }

    /** {@code header}'s members, then {@code "Event":} with the event's text (null when none was sent). */
    private static byte[] eventMembers(byte[] header, byte[] event) {
        byte[] value = event == null ? NULL : event;
        int headerMembers = header.length - 2;
        byte[] out = new byte[headerMembers + EVENT_MEMBER.length + value.length];
        System.arraycopy(header, 1, out, 0, headerMembers);
        System.arraycopy(EVENT_MEMBER, 0, out, headerMembers, EVENT_MEMBER.length);
        System.arraycopy(value, 0, out, headerMembers + EVENT_MEMBER.length, value.length);
        return out;
    }

    /** A compact JSON object's text without its braces. */
    static byte[] members(ObjectNode node) {
        byte[] json = JsonCodec.write(node);
        return Arrays.copyOfRange(json, 1, json.length - 1);
    }

    /**
     * A whole request the service refuses, e.g. 400 for a body that is not JSON, or 413 for a large one;
     * {@code parsed} is the body's tree when the decision has one.
     */
    static Draft request(String app, String requestId, byte[] body, JsonNode parsed, int status, String message,
            List<Finding> errors, List<Finding> warnings) {
        ObjectNode node = JsonCodec.object();
        node.put("Kind", "request");
        node.put("RequestId", requestId);
        node.put("ApplicationId", app);
        node.putNull("EndpointId");
        node.putNull("EventId");
        node.putNull("EventType");
        node.putNull("SessionId");
        node.put("StatusCode", status);
        node.put("Message", message);
        Finding decided = errors.stream().filter(f -> message.equals(f.message())).findFirst()
                .orElse(errors.isEmpty() ? null : errors.get(0));
        node.set("Rule", decided == null ? null : rule(decided, null));
        ArrayNode list = node.putArray("Warnings");
        warnings.forEach(w -> list.add(rule(w, null)));
        node.put("BodyBytes", body == null ? -1 : body.length);
        if (parsed == null && body != null && body.length <= MAX_KEPT_BODY) {
            try {
                parsed = JsonCodec.read(body);
            } catch (JacksonException | IllegalArgumentException e) {
                parsed = null;   // not JSON: its excerpt below shows what it was
            }
        }
        if (parsed != null && body != null && body.length <= MAX_KEPT_BODY) {
            node.set("Body", parsed);
        } else if (body != null) {
            node.put("BodyExcerpt", new String(body, 0, Math.min(body.length, EXCERPT), StandardCharsets.UTF_8));
        }
        byte[] members = members(node);
        return new Draft(() -> members, members.length, app, null, null, null, null, status, null);
    }

    /**
     * The error finding behind a refused event: the event's own with the answered message, else any of the
     * event's, else its endpoint's, else the first with the message.
     */
    private static Finding decidingFinding(List<Finding> errors, String endpointId, String eventId, String message) {
        Finding mine = null;
        Finding endpoint = null;
        Finding sameMessage = null;
        for (Finding f : errors) {
            boolean sameEndpoint = endpointId.equals(f.endpointId());
            if (sameEndpoint && eventId.equals(f.eventId())) {
                if (message.equals(f.message())) {
                    return f;
                }
                mine = mine == null ? f : mine;
            } else if (sameEndpoint && f.eventId() == null && endpoint == null) {
                endpoint = f;
            } else if (sameMessage == null && message.equals(f.message())) {
                sameMessage = f;
            }
        }
        return mine != null ? mine : endpoint != null ? endpoint : sameMessage;
    }

    /** The finding's rule as the rules command lists it, with where the finding is. */
    private static ObjectNode rule(Finding f, String eventPrefix) {
        Rule r = f.rule();
        ObjectNode node = JsonCodec.object();
        node.put("Id", r.id());
        node.put("Severity", r.severity().label());
        node.put("Message", f.message());
        node.put("Provenance", r.provenance().label());
        node.put("Source", r.source());
        node.put("Description", r.description());
        node.put("Pointer", f.pointer());
        String pointer = f.pointer();
        if (eventPrefix != null && pointer != null && (pointer.equals(eventPrefix)
                || pointer.startsWith(eventPrefix + "/"))) {
            node.put("EventPointer", pointer.substring(eventPrefix.length()));
        } else {
            node.putNull("EventPointer");
        }
        if (f.detail() != null) {
            node.put("Detail", f.detail());
        }
        return node;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    /** RFC 6901: '~' as "~0", '/' as "~1". */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
