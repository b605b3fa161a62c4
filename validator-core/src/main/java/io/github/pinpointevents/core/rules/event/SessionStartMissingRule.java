package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** A Session without StartTimestamp. */
public final class SessionStartMissingRule extends Rule implements SchemaBound {

    public SessionStartMissingRule() {
        super(error("event.session-start-missing", Level.EVENT)
                .message("Session start timestamp cannot be null or empty")
                .inferred("Session.StartTimestamp is required when a Session is sent (service model,"
                        + " https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json). The event alone is refused, by"
                        + " analogy with a missing EventType"
                        + " (https://github.com/aws-amplify/amplify-js/issues/10966). Not seen; the message is"
                        + " ours.")
                .describe("Event.Session is present and its StartTimestamp is absent or null."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/Session/required/StartTimestamp");
    }
}
