package io.github.pinpointevents.server;

import io.github.pinpointevents.core.JsonCodec;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.result.ItemResponse;
import io.github.pinpointevents.core.result.ItemStatus;
import io.github.pinpointevents.core.rules.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /** An entry before the journal numbers it; {@code node} holds every member but Sequence and Received. */
    record Draft(ObjectNode node, String kind, String applicationId, String endpointId, String eventType,
            String sessionId, int status) {
    }

    private Verdicts() {
    }

    /** The entries of a request with an answer: one per event, or one for the refused request. */
    static List<Draft> of(String app, String requestId, byte[] body, Decision decision) {
        if (decision.error() != null) {
            return List.of(request(app, requestId, body, decision.error().httpStatus(), decision.error().message(),
                    decision.errors(), decision.warnings()));
        }
        JsonNode batchItem = JsonCodec.read(body).path("BatchItem");
        List<Draft> out = new ArrayList<>();
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
                node.set("Event", one.isMissingNode() ? null : one.deepCopy());
                out.add(new Draft(node, "event", app, endpointId, type, session, status.statusCode()));
            }
        }
        return out;
    }

    /** A whole request the service refuses, e.g. 400 for a body that is not JSON, or 413 for a large one. */
    static Draft request(String app, String requestId, byte[] body, int status, String message,
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
        keepBody(node, body);
        return new Draft(node, "request", app, null, null, null, status);
    }

    /**
     * BodyBytes, and the body as sent: whole as {@code Body} when it parses and is at most {@link #MAX_KEPT_BODY}
     * bytes, else its first {@link #EXCERPT} characters as {@code BodyExcerpt}; neither for a body not read (null).
     */
    static void keepBody(ObjectNode node, byte[] body) {
        node.put("BodyBytes", body == null ? -1 : body.length);
        JsonNode parsed = null;
        if (body != null && body.length <= MAX_KEPT_BODY) {
            try {
                parsed = JsonCodec.read(body);
            } catch (JacksonException | IllegalArgumentException e) {
                parsed = null;   // not JSON: its excerpt below shows what it was
            }
        }
        if (parsed != null) {
            node.set("Body", parsed);
        } else if (body != null) {
            node.put("BodyExcerpt", new String(body, 0, Math.min(body.length, EXCERPT), StandardCharsets.UTF_8));
        }
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
