package io.github.pinpointevents.core;

import io.github.pinpointevents.core.internal.Json;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JsonGenerator;
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
        return Json.readStrict(json);
    }

    /** The compact UTF-8 text of a node. */
    public static byte[] write(JsonNode node) {
        return Json.MAPPER.writeValueAsBytes(node);
    }

    /**
     * The compact UTF-8 text of each node, the same bytes {@link #write} gives, through one generator: for a
     * server writing many small documents per request, where setting up a generator for each one costs
     * more than writing it.
     */
    public static List<byte[]> writeEach(List<? extends JsonNode> nodes) {
        return writeEach(nodes, 256 * nodes.size());
    }

    /** As {@link #writeEach(List)}, sizing the buffer for about {@code expectedBytes} of text in all. */
    public static List<byte[]> writeEach(List<? extends JsonNode> nodes, int expectedBytes) {
        Buffer out = new Buffer(Math.max(16, expectedBytes + nodes.size() + 2));
        int[] ends = new int[nodes.size()];
        // Written as the elements of one array: each one then starts just after '[' or ','.
        try (JsonGenerator generator = Json.MAPPER.createGenerator(out)) {
            generator.writeStartArray();
            for (int i = 0; i < ends.length; i++) {
                generator.writeTree(nodes.get(i));
                generator.flush();
                ends[i] = out.size();
            }
            generator.writeEndArray();
        }
        List<byte[]> each = new ArrayList<>(ends.length);
        for (int i = 0; i < ends.length; i++) {
            each.add(out.slice((i == 0 ? 0 : ends[i - 1]) + 1, ends[i]));
        }
        return each;
    }

    /** Hands out copies of parts of its buffer, without first copying all of it as toByteArray would. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        synchronized byte[] slice(int from, int to) {
            return Arrays.copyOfRange(buf, from, to);
        }
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }
}
