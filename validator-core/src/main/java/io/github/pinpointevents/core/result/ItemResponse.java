package io.github.pinpointevents.core.result;

import io.github.pinpointevents.core.internal.CompactNodeFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The result for one endpoint and its events, events in request order. */
public record ItemResponse(ItemStatus endpointItemResponse, Map<String, ItemStatus> eventsItemResponse) {

    public ItemResponse {
        // The empty map shared: a body of 100,000 endpoints without events holds 100,000 of these.
        eventsItemResponse = eventsItemResponse.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(eventsItemResponse));
    }

    public boolean allAccepted() {
        return endpointItemResponse.accepted() && eventsItemResponse.values().stream().allMatch(ItemStatus::accepted);
    }

    public ObjectNode toJson() {
        ObjectNode node = CompactNodeFactory.INSTANCE.objectNode();
        node.set("EndpointItemResponse", endpointItemResponse.toJson());
        ObjectNode events = node.putObject("EventsItemResponse");
        eventsItemResponse.forEach((id, status) -> events.set(id, status.toJson()));
        return node;
    }

    static ItemResponse fromJson(JsonNode node) {
        Map<String, ItemStatus> events = new LinkedHashMap<>();
        node.path("EventsItemResponse").properties()
                .forEach(e -> events.put(e.getKey(), ItemStatus.fromJson(e.getValue())));
        return new ItemResponse(ItemStatus.fromJson(node.path("EndpointItemResponse")), events);
    }
}
