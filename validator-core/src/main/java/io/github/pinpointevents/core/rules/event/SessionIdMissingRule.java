package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** A Session without Id, or with an empty one. */
public final class SessionIdMissingRule extends Rule implements SchemaBound {

    public SessionIdMissingRule() {
        super(error("event.session-id-missing", Level.EVENT)
                .message("Session id cannot be null or empty")
                .inferred("Session.Id is required when a Session is sent (service model,"
                        + " https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json). The event alone is refused, by"
                        + " analogy with a missing EventType"
                        + " (https://github.com/aws-amplify/amplify-js/issues/10966); an empty Id is refused"
                        + " too, as no answer to one is known. Not seen; the message is ours.")
                .describe("Event.Session is present and its Id is absent, null or \"\"."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/Session/required/Id", "/$defs/Session/properties/Id/minLength");
    }
}
