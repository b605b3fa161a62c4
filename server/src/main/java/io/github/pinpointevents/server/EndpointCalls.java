package io.github.pinpointevents.server;

import io.github.pinpointevents.core.JsonCodec;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an UpdateEndpoint or GetEndpoint call into a {@link Journal} entry of kind {@code endpoint}, so the
 * dashboard and the query API show an app registering its endpoint beside the events it sends (docs/dashboard.md).
 */
final class EndpointCalls {

    static final String KIND = "endpoint";

    private EndpointCalls() {
    }

    /** UpdateEndpoint: 202, or 400 with the message the server answered; the EndpointRequest as sent. */
    static Verdicts.Draft update(String app, String endpointId, String requestId, byte[] body, int status,
            String message) {
        ObjectNode node = common("UpdateEndpoint", app, endpointId, requestId, status, message);
        node.put("BodyBytes", body.length);
        JsonNode parsed = null;
        if (body.length <= Verdicts.MAX_KEPT_BODY) {
            try {
                parsed = JsonCodec.read(body);
            } catch (JacksonException | IllegalArgumentException e) {
                parsed = null;   // not JSON: its excerpt below shows what it was
            }
        }
        if (parsed != null) {
            node.set("Body", parsed);
        } else {
            node.put("BodyExcerpt", new String(body, 0, Math.min(body.length, Verdicts.EXCERPT),
                    StandardCharsets.UTF_8));
        }
        return draft(node, app, endpointId, status);
    }

    /** GetEndpoint: 200 with the endpoint returned (when at most 64 KB of JSON), or 404. */
    static Verdicts.Draft get(String app, String endpointId, String requestId, JsonNode found) {
        int status = found == null ? 404 : 200;
        ObjectNode node = common("GetEndpoint", app, endpointId, requestId, status,
                found == null ? PinpointHandler.NOT_FOUND_MESSAGE : "OK");
        if (found != null && JsonCodec.write(found).length > Verdicts.MAX_KEPT_BODY) {
            node.putNull("Response");   // the journal keeps no more of one entry than of a refused body
        } else {
            node.set("Response", found);
        }
        return draft(node, app, endpointId, status);
    }

    private static Verdicts.Draft draft(ObjectNode node, String app, String endpointId, int status) {
        byte[] members = Verdicts.members(node);
        return new Verdicts.Draft(() -> members, members.length, app, endpointId, null, null, null, status, null);
    }

    private static ObjectNode common(String operation, String app, String endpointId, String requestId, int status,
            String message) {
        ObjectNode node = JsonCodec.object();
        node.put("Kind", KIND);
        node.put("Operation", operation);
        node.put("RequestId", requestId);
        node.put("ApplicationId", app);
        node.put("EndpointId", endpointId);
        node.putNull("EventId");
        node.putNull("EventType");
        node.putNull("SessionId");
        node.put("StatusCode", status);
        node.put("Message", message);
        node.putNull("Rule");
        node.putArray("Warnings");
        return node;
    }
}
