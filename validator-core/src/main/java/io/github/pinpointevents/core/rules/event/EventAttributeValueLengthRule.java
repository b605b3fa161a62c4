package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** An event attribute value of 200 characters or more. */
public final class EventAttributeValueLengthRule extends Rule implements SchemaBound {

    public EventAttributeValueLengthRule() {
        super(error("event.attribute-value-length", Level.EVENT)
                .message("Event attribute value length should be less than 200")
                .observed("https://github.com/aws-amplify/amplify-js/issues/8959, 'log failed with error: Event"
                        + " attribute value length should be less than 200' (only copy is an issue title: a"
                        + " final period is unknown). Conflict: the quota"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-events) says 200 characters and 'the event is dropped'; we refuse"
                        + " 200 (conservative).")
                .describe("A value of Event.Attributes has 200 or more characters."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/EventAttributes/additionalProperties/maxLength");
    }
}
