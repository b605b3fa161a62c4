package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.rules.EventCheck;
import io.github.pinpointevents.core.rules.EventView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** An event type longer than the 50 characters SDKs allow. */
public final class EventTypeLengthWarning extends Rule implements EventCheck {

    public static final int SDK_MAX_LENGTH = 50;

    public EventTypeLengthWarning() {
        super(warning("warn.event-type-length", Level.EVENT)
                .message("Event type is longer than 50 characters; SDKs refuse or truncate such names")
                .inferred("No service limit is documented; amplify-android requires eventType.length <= 50 and"
                        + " aws-sdk-ios truncates to 50.")
                .describe("Event.EventType has more than 50 characters."));
    }

    @Override
    public void check(EventView event, Findings findings) {
        String type = event.text("EventType");
        if (type != null && type.length() > SDK_MAX_LENGTH) {
            findings.report(this, event.pointer() + "/EventType", type.length() + " characters");
        }
    }
}
