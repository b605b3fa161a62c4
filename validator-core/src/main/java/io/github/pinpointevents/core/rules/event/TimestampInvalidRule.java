package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** An event Timestamp that is not an RFC 3339 date-time with an offset. */
public final class TimestampInvalidRule extends Rule implements SchemaBound {

    public TimestampInvalidRule() {
        super(error("event.timestamp-invalid", Level.EVENT)
                .message("Event timestamp must be an ISO 8601 date-time with a time zone offset")
                .inferred("Timestamp is documented as ISO 8601"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/apireference/"
                        + "apps-application-id-events.html)."
                        + " https://github.com/aws-amplify/amplify-swift/pull/1975: a '+0000' offset 'was"
                        + " rejected' (no text, no level). We accept RFC 3339 (a 'Z' or '+hh:mm' offset) and"
                        + " refuse the rest, including local times without an offset. The message is ours.")
                .describe("Event.Timestamp is not an RFC 3339 date-time: no offset, '+0000', a date only, an epoch"
                        + " number in a string, and so on."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/Event/properties/Timestamp/format", "/$defs/Event/properties/Timestamp/pattern");
    }
}
