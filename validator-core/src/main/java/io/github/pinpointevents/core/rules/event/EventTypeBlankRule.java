package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** A missing, null, empty or blank EventType. */
public final class EventTypeBlankRule extends Rule implements SchemaBound {

    public EventTypeBlankRule() {
        super(error("event.event-type-blank", Level.EVENT)
                .message("Event type cannot be null, empty or blank")
                .observed("https://github.com/aws-amplify/amplify-js/issues/10966: a body without EventType got"
                        + " HTTP 202 with this event at 400 and"
                        + " this message. Its wording covers null, empty and whitespace-only values.")
                .describe("Event.EventType is absent, null, \"\" or white space only (Java's Character.isWhitespace;"
                        + " a no-break space is not white space)."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/Event/required/EventType", "/$defs/Event/properties/EventType/pattern");
    }
}
