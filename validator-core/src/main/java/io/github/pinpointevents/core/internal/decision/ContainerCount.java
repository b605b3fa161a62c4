package io.github.pinpointevents.core.internal.decision;

import io.github.pinpointevents.core.internal.Json;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.ObjectReader;

/**
 * How many objects and arrays a body holds, and how many events its endpoints' Events maps hold together,
 * counted from the token stream without building a tree: what decides a body too large to hold as one
 * (see {@code TooManyContainersRule}). A byte scan first: a body with few '{' and '[' bytes (each container
 * starts with one; strings can add more) needs no count.
 */
public record ContainerCount(JsonToken first, long containers, long events) {

    public static boolean mayExceed(byte[] bytes, int offset, int length, int max) {
        if (length / 2 <= max) {
            return false; // every container takes two bytes at least ("{}"), so most bodies need no scan
        }
        int brackets = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if ((b == '{' || b == '[') && ++brackets > max) {
                return true;
            }
        }
        return false;
    }

    /**
     * Repeated member names are not looked for here: remembering 400,000 event ids to find one twice took most
     * of the count's time and memory, and a body over the bound is refused as a whole either way.
     */
    private static final ObjectReader COUNTING = Json.MAPPER.reader()
            .without(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    /** Throws Jackson's exception, as the tree parse would, when the body is not well-formed JSON. */
    public static ContainerCount of(byte[] bytes, int offset, int length) {
        long containers = 0;
        long events = 0;
        try (JsonParser parser = COUNTING.createParser(bytes, offset, length)) {
            JsonToken first = parser.nextToken();
            for (JsonToken token = first; token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    containers++;
                } else if (token == JsonToken.PROPERTY_NAME && isEventsMap(parser.streamReadContext())) {
                    events++;
                }
            }
            return new ContainerCount(first, containers, events);
        }
    }

    /** Whether the object being read is {@code /BatchItem/<endpoint>/Events}. */
    private static boolean isEventsMap(TokenStreamContext object) {
        if (object.getNestingDepth() != 4) {
            return false;
        }
        TokenStreamContext endpointObject = object.getParent();
        TokenStreamContext rootObject = endpointObject.getParent().getParent();
        return "Events".equals(endpointObject.currentName()) && "BatchItem".equals(rootObject.currentName());
    }
}
