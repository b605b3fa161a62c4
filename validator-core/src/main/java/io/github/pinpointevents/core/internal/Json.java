package io.github.pinpointevents.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The one Jackson mapper, and JSON Pointer helpers. */
public final class Json {

    /**
     * Immutable and thread-safe. Parse errors quote the input, as the service's answers to unparsable
     * bodies do (reference N7).
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Json() {
    }

    /** Size in bytes of the node written as compact UTF-8 JSON, without building the bytes. */
    public static int compactSize(JsonNode node) {
        CountingStream counter = new CountingStream();
        MAPPER.writeValue(counter, node);
        return (int) Math.min(Integer.MAX_VALUE, counter.count);
    }

    /** Escapes one reference token (RFC 6901). */
    public static String escapePointer(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String unescapePointer(String token) {
        if (token.indexOf('~') < 0) {
            return token;
        }
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** The unescaped reference tokens of a pointer; the root "" has none. */
    public static String[] tokens(String pointer) {
        if (pointer.isEmpty()) {
            return new String[0];
        }
        String[] raw = pointer.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = unescapePointer(raw[i]);
        }
        return raw;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
        }
    }
}
