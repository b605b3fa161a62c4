package io.github.pinpointevents.core;

import io.github.pinpointevents.core.internal.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes JSON with the engine's own parser settings (the same bounded read constraints and duplicate
 * member refusal the decisions use), for front ends that answer or record in the service's shapes.
 * Thread-safe.
 */
public final class JsonCodec {

    private JsonCodec() {
    }

    /** Parses one document; throws Jackson's {@code JacksonException} when it is not JSON. */
    public static JsonNode read(byte[] json) {
        return Json.MAPPER.readTree(json);
    }

    /** The compact UTF-8 text of a node. */
    public static byte[] write(JsonNode node) {
        return Json.MAPPER.writeValueAsBytes(node);
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }
}
