package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.internal.Resources;
import io.github.pinpointevents.core.rules.EventCheck;
import io.github.pinpointevents.core.rules.EventView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import java.util.List;

/** A custom event type that starts with an underscore, the prefix of Pinpoint's standard events. */
public final class ReservedEventTypeWarning extends Rule implements EventCheck {

    private final List<String> standard = Resources.lines("standard-event-types.txt");

    public ReservedEventTypeWarning() {
        super(warning("warn.reserved-event-type", Level.EVENT)
                .message("Custom event type starts with '_', the prefix of Pinpoint's standard events")
                .inferred("Standard events use '_' prefixes (_session.*, _userauth.*, _monetization.purchase, ...);"
                        + " nothing shows the service refusing other '_' names.")
                .describe("Event.EventType starts with '_' and is not a standard type (see"
                        + " standard-event-types.txt)."));
    }

    @Override
    public void check(EventView event, Findings findings) {
        String type = event.text("EventType");
        if (type != null && type.startsWith("_") && standard.stream().noneMatch(s -> s.endsWith(".")
                ? type.startsWith(s) : type.equals(s))) {
            findings.report(this, event.pointer() + "/EventType", type);
        }
    }
}
