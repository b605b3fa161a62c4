package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.internal.Timestamps;
import io.github.pinpointevents.core.rules.EventCheck;
import io.github.pinpointevents.core.rules.EventView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** A valid timestamp that is not written in UTC with a trailing Z. */
public final class TimestampNotUtcWarning extends Rule implements EventCheck {

    public TimestampNotUtcWarning() {
        super(warning("warn.timestamp-not-utc", Level.EVENT)
                .message("Timestamp is not in UTC with a trailing Z, the form every SDK sends")
                .inferred("All SDKs send yyyy-MM-dd'T'HH:mm:ss.SSS'Z' in UTC; an offset like '+0000' was refused"
                        + " (https://github.com/aws-amplify/amplify-swift/pull/1975). Other RFC 3339 offsets are"
                        + " accepted here but untested.")
                .describe("Event.Timestamp or a Session timestamp is a valid date-time whose offset is not Z."));
    }

    @Override
    public void check(EventView event, Findings findings) {
        flag(event, findings, event.event().get("Timestamp"), "/Timestamp");
        flag(event, findings, event.session().get("StartTimestamp"), "/Session/StartTimestamp");
        flag(event, findings, event.session().get("StopTimestamp"), "/Session/StopTimestamp");
    }

    private void flag(EventView event, Findings findings, tools.jackson.databind.JsonNode value, String member) {
        // The Zulu test first: every SDK sends Z, and a parse costs more.
        if (value != null && value.isString() && !Timestamps.isZulu(value.stringValue())
                && Timestamps.parse(value) != null) {
            findings.report(this, event.pointer() + member, value.stringValue());
        }
    }
}
