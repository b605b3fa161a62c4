package io.github.pinpointevents.server;

import io.github.pinpointevents.core.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event the server accepted (per-event 202): the application id from the URL path, the endpoint and event
 * ids (the request's map keys) and the event object exactly as it was sent. Immutable: {@link #event()} returns
 * a copy.
 */
public record RecordedEvent(String applicationId, String endpointId, String eventId, JsonNode event) {

    public RecordedEvent {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(eventId, "eventId");
        event = Objects.requireNonNull(event, "event").deepCopy();
    }

    /** The event as sent, e.g. {@code {"EventType": "_session.start", "Timestamp": ...}}; a fresh copy. */
    @Override
    public JsonNode event() {
        return event.deepCopy();
    }

    /** The event's {@code EventType}, or null when it has none that is a string. */
    public String eventType() {
        JsonNode type = event.get("EventType");
        return type != null && type.isString() ? type.asString() : null;
    }

    /**
     * {@code {"ApplicationId": ..., "EndpointId": ..., "EventId": ..., "Event": {...}}}: one line of the record
     * file, and one item of {@code GET /_pinpoint-events/recorded-events}.
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonCodec.object();
        node.put("ApplicationId", applicationId);
        node.put("EndpointId", endpointId);
        node.put("EventId", eventId);
        node.set("Event", event.deepCopy());
        return node;
    }

    /**
     * The {@link #toJson()} line of an event from the event's compact text and the {@link #quoted} ids, with the
     * same bytes {@code JsonCodec.write(toJson())} gives: the server's path, which writes each accepted event
     * once and quotes the ids a request's events share once.
     */
    static byte[] line(byte[] quotedApplicationId, byte[] quotedEndpointId, String eventId, byte[] event) {
        byte[][] parts = {LINE_APPLICATION, quotedApplicationId, LINE_ENDPOINT, quotedEndpointId, LINE_EVENT_ID,
            quoted(eventId), LINE_EVENT, event, LINE_END};
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] line = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, line, at, part.length);
            at += part.length;
        }
        return line;
    }

    private static final byte[] LINE_APPLICATION = ascii("{\"ApplicationId\":\"");
    private static final byte[] LINE_ENDPOINT = ascii("\",\"EndpointId\":\"");
    private static final byte[] LINE_EVENT_ID = ascii("\",\"EventId\":\"");
    private static final byte[] LINE_EVENT = ascii("\",\"Event\":");
    private static final byte[] LINE_END = ascii("}");

    /** The UTF-8 of a JSON string's content (no quotes), as Jackson writes it. */
    static byte[] quoted(String value) {
        // Ids are mostly printable ASCII that JSON leaves as it is, and scanning their bytes is cheaper than
        // the encoder (or a loop over the chars); any other byte takes the encoder.
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            if (b < 0x20 || b == '"' || b == '\\' || b == 0x7f) {   // non-ASCII bytes are negative
                return JsonStringEncoder.getInstance().quoteAsUTF8(value);
            }
        }
        return utf8;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one {@link #toJson()} object back, e.g. a line of the record file. */
    public static RecordedEvent fromJson(JsonNode node) {
        return new RecordedEvent(node.path("ApplicationId").asString(), node.path("EndpointId").asString(),
                node.path("EventId").asString(), node.path("Event"));
    }
}
