package io.github.pinpointevents.core.result;

import io.github.pinpointevents.core.internal.CompactNodeFactory;
import io.github.pinpointevents.core.internal.Json;
import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
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
        ObjectNode node = CompactNodeFactory.INSTANCE.objectNode();
        ObjectNode results = node.putObject("Results");
        this.results.forEach((id, item) -> results.set(id, item.toJson()));
        return node;
    }

    /**
     * The compact UTF-8 bytes of {@link #toJson()}, written without building that tree: what a server sends for
     * every accepted request.
     */
    public byte[] toJsonBytes() {
        // About the answer's size (an accepted event's entry is 80 bytes with a UUID id), so it seldom grows.
        int expected = 32;
        for (ItemResponse item : results.values()) {
            expected += 160 + 80 * item.eventsItemResponse().size();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(expected);
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("Results");
            g.writeStartObject();
            for (Map.Entry<String, ItemResponse> item : results.entrySet()) {
                g.writeName(item.getKey());
                g.writeStartObject();
                g.writeName("EndpointItemResponse");
                write(g, item.getValue().endpointItemResponse());
                g.writeName("EventsItemResponse");
                g.writeStartObject();
                for (Map.Entry<String, ItemStatus> event : item.getValue().eventsItemResponse().entrySet()) {
                    g.writeName(event.getKey());
                    write(g, event.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, ItemStatus status) {
        g.writeStartObject();
        g.writeNumberProperty("StatusCode", status.statusCode());
        g.writeStringProperty("Message", status.message());
        g.writeEndObject();
    }

    public static EventsResponse fromJson(JsonNode node) {
        Map<String, ItemResponse> results = new LinkedHashMap<>();
        node.path("Results").properties().forEach(e -> results.put(e.getKey(), ItemResponse.fromJson(e.getValue())));
        return new EventsResponse(results);
    }
}
