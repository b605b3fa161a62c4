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
import java.util.List;
import java.util.Map;
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
     * An entry before the journal numbers it. {@code members} is its JSON object's text without the braces:
     * every member but Sequence and Received, which the journal puts first. {@code event} is the event as
     * sent, compact, when the entry is for an event that is an object: the record line reuses those bytes.
     */
    record Draft(byte[] members, String applicationId, String endpointId, String eventId, String eventType,
            String sessionId, int status, byte[] event) {

        boolean acceptedEvent() {
            return status == 202 && event != null;
        }
    }

    private static final byte[] EVENT_MEMBER = ",\"Event\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private Verdicts() {
    }

    /** The entries of a request with an answer: one per event, or one for the refused request. */
    static List<Draft> of(String app, String requestId, byte[] body, DecidedRequest decidedRequest) {
        Decision decision = decidedRequest.decision();
        if (decision.error() != null) {
            return List.of(request(app, requestId, body, decidedRequest.request(), decision.error().httpStatus(),
                    decision.error().message(), decision.errors(), decision.warnings()));
        }
        JsonNode batchItem = decidedRequest.request().path("BatchItem");
        List<JsonNode> toWrite = new ArrayList<>();   // each entry's members but Event, then each event sent
        List<Draft> shapes = new ArrayList<>();
        List<JsonNode> sentEvents = new ArrayList<>();
        for (Map.Entry<String, ItemResponse> item : decision.response().results().entrySet()) {
            String endpointId = item.getKey();
            JsonNode sent = batchItem.path(endpointId).path("Events");
            for (Map.Entry<String, ItemStatus> event : item.getValue().eventsItemResponse().entrySet()) {
                String eventId = event.getKey();
                ItemStatus status = event.getValue();
                JsonNode one = sent.path(eventId);
                String prefix = "/BatchItem/" + escape(endpointId) + "/Events/" + escape(eventId);
                ObjectNode node = JsonCodec.object();
                node.put("Kind", "event");
                node.put("RequestId", requestId);
                node.put("ApplicationId", app);
                node.put("EndpointId", endpointId);
                node.put("EventId", eventId);
                String type = text(one.path("EventType"));
                String session = text(one.path("Session").path("Id"));
                node.put("EventType", type);
                node.put("SessionId", session);
                node.put("StatusCode", status.statusCode());
                node.put("Message", status.message());
                Finding decided = status.accepted() ? null : decidingFinding(decision.errors(), endpointId, eventId,
                        status.message());
                node.set("Rule", decided == null ? null : rule(decided, prefix));
                ArrayNode warnings = node.putArray("Warnings");
                for (Finding w : decision.warnings()) {
                    if (endpointId.equals(w.endpointId()) && (w.eventId() == null || eventId.equals(w.eventId()))) {
                        warnings.add(rule(w, prefix));
                    }
                }
                toWrite.add(node);
                sentEvents.add(one);
                shapes.add(new Draft(null, app, endpointId, eventId, type, session, status.statusCode(), null));
            }
        }
        for (JsonNode one : sentEvents) {
            if (!one.isMissingNode()) {
                toWrite.add(one);
            }
        }
        // One generator for the whole request: set up per entry, it cost more than the writing.
        List<byte[]> written = JsonCodec.writeEach(toWrite);
        List<Draft> out = new ArrayList<>(shapes.size());
        int nextEvent = shapes.size();
        for (int i = 0; i < shapes.size(); i++) {
            JsonNode one = sentEvents.get(i);
            byte[] event = one.isMissingNode() ? null : written.get(nextEvent++);
            Draft d = shapes.get(i);
            out.add(new Draft(eventMembers(written.get(i), event), app, d.endpointId(), d.eventId(), d.eventType(),
                    d.sessionId(), d.status(), one.isObject() ? event : null));
        }
        return out;
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
        return new Draft(members(node), app, null, null, null, null, status, null);
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
