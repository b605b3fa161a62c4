package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.rules.EventCheck;
import io.github.pinpointevents.core.rules.EventView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** A _session.* event without a Session object. */
public final class SessionEventWithoutSessionWarning extends Rule implements EventCheck {

    public SessionEventWithoutSessionWarning() {
        super(warning("warn.session-event-without-session", Level.EVENT)
                .message("Session event has no Session")
                .inferred("Every SDK sends a Session with its _session.* events; without one, session analytics"
                        + " cannot count it. Session itself is optional in the model"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json).")
                .describe("Event.EventType starts with _session. and Event.Session is absent."));
    }

    @Override
    public void check(EventView event, Findings findings) {
        String type = event.text("EventType");
        if (type != null && type.startsWith("_session.") && !event.session().isObject()) {
            findings.report(this, event.pointer() + "/EventType", type);
        }
    }
}
