package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.internal.Timestamps;
import io.github.pinpointevents.core.rules.EventCheck;
import io.github.pinpointevents.core.rules.EventView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import java.time.Duration;
import java.time.OffsetDateTime;

/** An event timestamp in the future. */
public final class FutureTimestampWarning extends Rule implements EventCheck {

    /** Devices' clocks drift; SigV4 tolerates 5 minutes, so do we. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    public FutureTimestampWarning() {
        super(warning("warn.timestamp-future", Level.EVENT)
                .message("Timestamp is more than 5 minutes in the future")
                .inferred("No limit on future timestamps is documented or seen; analytics for such events are"
                        + " rarely what the sender means. Compared with the validator's clock.")
                .describe("Event.Timestamp is later than now plus 5 minutes."));
    }

    @Override
    public void check(EventView event, Findings findings) {
        OffsetDateTime at = Timestamps.parse(event.event().get("Timestamp"));
        if (at != null && at.toInstant().isAfter(event.clock().instant().plus(TOLERANCE))) {
            findings.report(this, event.pointer() + "/Timestamp", at.toString());
        }
    }
}
