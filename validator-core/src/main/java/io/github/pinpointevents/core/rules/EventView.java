package io.github.pinpointevents.core.rules;

import java.time.Clock;
import tools.jackson.databind.JsonNode;

/**
 * One event of one endpoint.
 *
 * @param pointer JSON Pointer of {@code event}
 * @param bodyBytes the size of the whole body, an upper bound of any part's size
 */
public record EventView(String endpointId, String eventId, JsonNode event, String pointer, Clock clock,
        int bodyBytes) {

    /** A string member of the event, or null when absent or not a string. */
    public String text(String member) {
        JsonNode node = event.get(member);
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** The {@code Session} object, or a missing node. */
    public JsonNode session() {
        return event.path("Session");
    }
}
