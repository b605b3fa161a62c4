package io.github.pinpointevents.core.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The body of a 202 answer: one {@link ItemResponse} per endpoint, in request order. */
public record EventsResponse(Map<String, ItemResponse> results) {

    public EventsResponse {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /** True when every endpoint and every event is 202. */
    public boolean allAccepted() {
        return results.values().stream().allMatch(ItemResponse::allAccepted);
    }

    /** {@code {"Results": {...}}}, as the service sends it. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode results = node.putObject("Results");
        this.results.forEach((id, item) -> results.set(id, item.toJson()));
        return node;
    }

    public static EventsResponse fromJson(JsonNode node) {
        Map<String, ItemResponse> results = new LinkedHashMap<>();
        node.path("Results").properties().forEach(e -> results.put(e.getKey(), ItemResponse.fromJson(e.getValue())));
        return new EventsResponse(results);
    }
}
