package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.rules.EventCheck;
import io.github.pinpointevents.core.rules.EventView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** One event over 1,000 KB. */
public final class EventSizeRule extends Rule implements EventCheck {

    /** 1,000 KB read as 1,000,000 bytes of compact UTF-8 JSON. */
    public static final int MAX_EVENT_BYTES = 1_000_000;

    public EventSizeRule() {
        super(error("event.size", Level.EVENT)
                .message("Event size should be at most 1000 KB")
                .documented("Quota 'Maximum size of an individual event: 1,000 KB'"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-events). Measured as the compact UTF-8 JSON of the Event object,"
                        + " 1,000,000 bytes. The level and message are not seen.")
                .describe("The Event object, written as compact JSON, is larger than 1,000,000 bytes."));
    }

    @Override
    public void check(EventView event, Findings findings) {
        if ((long) event.bodyBytes() * 4 <= MAX_EVENT_BYTES) {
            // Written compactly, a part of the body is not larger than the body, but for numbers such as
            // 1e-7 that print longer (1.0E-7): a factor of 4 covers them.
            return;
        }
        int size = Json.compactSize(event.event());
        if (size > MAX_EVENT_BYTES) {
            findings.report(this, event.pointer(), size + " bytes");
        }
    }
}
