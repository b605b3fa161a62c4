package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** An event without Timestamp. */
public final class TimestampMissingRule extends Rule implements SchemaBound {

    public TimestampMissingRule() {
        super(error("event.timestamp-missing", Level.EVENT)
                .message("Event timestamp cannot be null, empty or blank")
                .inferred("Timestamp is required in the service model"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json). By analogy with a missing"
                        + " EventType (https://github.com/aws-amplify/amplify-js/issues/10966) the event alone"
                        + " is refused; the message is ours, in that answer's style. Not seen.")
                .describe("Event.Timestamp is absent or null."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/Event/required/Timestamp");
    }
}
