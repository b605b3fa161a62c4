package io.github.pinpointevents.core.internal;

import com.ethlo.time.ITU;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** RFC 3339 date-times, parsed as the schema's date-time format checks them. */
public final class Timestamps {

    private Timestamps() {
    }

    /** The date-time, or null when the node is absent, not a string, or not an RFC 3339 date-time. */
    public static OffsetDateTime parse(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        try {
            return ITU.parseDateTime(node.stringValue());
        } catch (DateTimeException e) {
            return null;
        }
    }

    public static boolean isZulu(String text) {
        return text.endsWith("Z") || text.endsWith("z");
    }

    /** Stop minus start in whole milliseconds, as the service compares it with Session.Duration. */
    public static long millisBetween(OffsetDateTime start, OffsetDateTime stop) {
        return Duration.between(start, stop).toMillis();
    }
}
