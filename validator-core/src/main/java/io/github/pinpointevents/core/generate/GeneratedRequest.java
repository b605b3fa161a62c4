package io.github.pinpointevents.core.generate;

import io.github.pinpointevents.core.internal.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One generated request.
 *
 * @param index the request's position in the whole (unsharded) run, from 0
 * @param applicationId the ApplicationId to send it to
 * @param eventsRequest the body as a JSON tree (normally an {@code EventsRequest} object; a mutation may make it
 *        another JSON type), or null when the body is not JSON at all
 * @param rawBody the exact body bytes when they are not the compact form of {@code eventsRequest} (malformed
 *        JSON), otherwise null
 * @param mutation the id of the rule the request's one mutation breaks, or null for a valid request
 * @param expected the answer the generator expects
 * @param endpointCount endpoints (BatchItem entries) in the request as built
 * @param eventCount events in the request as built
 */
public record GeneratedRequest(long index, String applicationId, JsonNode eventsRequest, byte[] rawBody,
        String mutation, Expectation expected, int endpointCount, int eventCount) {

    /** The body as sent on the wire by an SDK: compact UTF-8 JSON (or the malformed bytes). */
    public byte[] body() {
        return rawBody != null ? rawBody : Json.MAPPER.writeValueAsBytes(eventsRequest);
    }

    /** The AWS CLI input document {@code {"ApplicationId": ..., "EventsRequest": ...}}; null for malformed JSON. */
    public ObjectNode cliInput() {
        if (eventsRequest == null) {
            return null;
        }
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("ApplicationId", applicationId);
        input.set("EventsRequest", eventsRequest);
        return input;
    }
}
