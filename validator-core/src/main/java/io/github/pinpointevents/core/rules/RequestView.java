package io.github.pinpointevents.core.rules;

import java.time.Clock;
import tools.jackson.databind.JsonNode;

/** The parsed request body, as code rules see it. */
public record RequestView(JsonNode body, Clock clock) {

    /** {@code BatchItem}, or a missing node. */
    public JsonNode batchItem() {
        return body.path("BatchItem");
    }
}
