package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** A Session Start or Stop timestamp that is not an RFC 3339 date-time. */
public final class SessionTimestampInvalidRule extends Rule implements SchemaBound {

    public SessionTimestampInvalidRule() {
        super(error("event.session-timestamp-invalid", Level.EVENT)
                .message("Session timestamps must be ISO 8601 date-times with a time zone offset")
                .inferred("The service computes Stop minus Start in milliseconds (the observed rule"
                        + " event.session-duration-mismatch), so both must parse as date-times. Not seen; the"
                        + " message is ours.")
                .describe("Session.StartTimestamp or Session.StopTimestamp is not an RFC 3339 date-time."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/Session/properties/StartTimestamp/format",
                "/$defs/Session/properties/StartTimestamp/pattern", "/$defs/Session/properties/StopTimestamp/format",
                "/$defs/Session/properties/StopTimestamp/pattern");
    }
}
