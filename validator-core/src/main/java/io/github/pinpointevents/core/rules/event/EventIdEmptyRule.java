package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.EventCheck;
import io.github.pinpointevents.core.rules.EventView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** An empty event ID (Events key). */
public final class EventIdEmptyRule extends Rule implements EventCheck {

    public EventIdEmptyRule() {
        super(error("event.id-empty", Level.EVENT)
                .message("Event ID cannot be empty")
                .inferred("Event IDs are free-form (\"boletatest\" was accepted,"
                        + " https://github.com/pplu/aws-sdk-perl/issues/389; \"undefined\" is echoed back,"
                        + " https://github.com/aws-amplify/amplify-js/issues/10966). An empty one cannot name an"
                        + " event. Not seen; the message is ours.")
                .describe("An Events key is the empty string."));
    }

    @Override
    public void check(EventView event, Findings findings) {
        if (event.eventId().isEmpty()) {
            findings.report(this, event.pointer(), "empty event ID");
        }
    }
}
