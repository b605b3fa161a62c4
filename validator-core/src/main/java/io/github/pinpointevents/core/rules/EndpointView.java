package io.github.pinpointevents.core.rules;

import java.time.Clock;
import tools.jackson.databind.JsonNode;

/**
 * One item of {@code BatchItem}.
 *
 * @param endpointId the item's key
 * @param batch the {@code EventsBatch} object
 * @param pointer JSON Pointer of {@code batch}
 * @param bodyBytes the size of the whole body, an upper bound of any part's size
 */
public record EndpointView(String endpointId, JsonNode batch, String pointer, Clock clock, int bodyBytes) {

    /** The {@code Endpoint} object, or a missing node. */
    public JsonNode endpoint() {
        return batch.path("Endpoint");
    }

    public String endpointPointer() {
        return pointer + "/Endpoint";
    }
}
