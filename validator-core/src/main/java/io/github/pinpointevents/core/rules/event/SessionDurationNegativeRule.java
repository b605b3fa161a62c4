package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** A negative Session.Duration (a stop before the start). */
public final class SessionDurationNegativeRule extends Rule implements SchemaBound {

    public SessionDurationNegativeRule() {
        super(error("event.session-duration-negative", Level.EVENT)
                .message("Session duration cannot be negative")
                .inferred("A session cannot stop before it starts; no answer to a stop before"
                        + " the start is known. Refused, the conservative reading; the message is ours.")
                .describe("Event.Session.Duration is below 0."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/Session/properties/Duration/minimum");
    }
}
