package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.Timestamps;
import io.github.pinpointevents.core.rules.EventCheck;
import io.github.pinpointevents.core.rules.EventView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** A Session.Duration that differs from StopTimestamp minus StartTimestamp. */
public final class SessionDurationMismatchRule extends Rule implements EventCheck {

    public SessionDurationMismatchRule() {
        super(error("event.session-duration-mismatch", Level.EVENT)
                .message("Session duration in milliseconds must be equal to the difference of start and stop"
                        + " timestamp")
                .observed("A comment in callAWS"
                        + " (https://github.com/DavidWells/analytics/blob/"
                        + "a1f6857c27003698c12cc647c725096ab6b37359/packages/analytics-plugin-aws-pinpoint/src/"
                        + "pinpoint/helpers/call-aws.js): Duration 20008 for a 20009 ms session got 400 with"
                        + " this message, so 1 ms off is refused.")
                .describe("Event.Session has StartTimestamp, StopTimestamp and Duration, and Duration is not"
                        + " StopTimestamp minus StartTimestamp in milliseconds."));
    }

    @Override
    public void check(EventView event, Findings findings) {
        JsonNode session = event.session();
        JsonNode duration = session.get("Duration");
        OffsetDateTime start = Timestamps.parse(session.get("StartTimestamp"));
        OffsetDateTime stop = Timestamps.parse(session.get("StopTimestamp"));
        if (start == null || stop == null || duration == null || !duration.isNumber()) {
            return; // other rules speak for absent or malformed members
        }
        long expected = Timestamps.millisBetween(start, stop);
        double value = Json.toDouble(duration); // a 400-digit integer is Infinity, not an exception
        if (!duration.isIntegralNumber() && value != Math.rint(value) || value != expected) {
            findings.report(this, event.pointer() + "/Session/Duration",
                    "Duration " + duration + ", Stop - Start = " + expected + " ms");
        }
    }
}
