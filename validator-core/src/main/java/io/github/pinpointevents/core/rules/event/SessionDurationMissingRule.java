package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** A Session with StopTimestamp but no Duration. */
public final class SessionDurationMissingRule extends Rule implements SchemaBound {

    public SessionDurationMissingRule() {
        super(error("event.session-duration-missing", Level.EVENT)
                .message("Session start and stop timestamp's exist but duration is null")
                .observed("https://github.com/aws-amplify/amplify-android/pull/2007 (commit 0e4f462a), written after"
                        + " testing against the service;"
                        + " the API reference agrees that Duration 'is required if a value is provided for the"
                        + " StopTimestamp' (https://docs.aws.amazon.com/pinpoint/latest/apireference/"
                        + "apps-application-id-events.html).")
                .describe("Event.Session has a StopTimestamp and no Duration."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/Session/dependentRequired/StopTimestamp");
    }
}
