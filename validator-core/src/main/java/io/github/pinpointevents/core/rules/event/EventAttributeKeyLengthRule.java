package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** An event attribute name of 50 characters or more. */
public final class EventAttributeKeyLengthRule extends Rule implements SchemaBound {

    public EventAttributeKeyLengthRule() {
        super(error("event.attribute-key-length", Level.EVENT)
                .message("Event attribute key length should be less than 50.")
                .observed("https://github.com/aws-amplify/amplify-js/issues/9665: 'Event ... is not accepted,"
                        + " the error is Event attribute key length should be less than 50.' Conflict: the quota"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-events) says 50 characters, the message 'less than 50'; we refuse"
                        + " 50 (conservative).")
                .describe("A key of Event.Attributes has 50 or more characters."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/EventAttributes/propertyNames");
    }
}
