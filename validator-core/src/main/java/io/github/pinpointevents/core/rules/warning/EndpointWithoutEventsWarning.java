package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import tools.jackson.databind.JsonNode;

/** An endpoint with an empty Events map. */
public final class EndpointWithoutEventsWarning extends Rule implements EndpointCheck {

    public EndpointWithoutEventsWarning() {
        super(warning("warn.endpoint-without-events", Level.ENDPOINT)
                .message("Endpoint has no events")
                .inferred("botocore accepts an empty Events map (the model sets no minimum size on it), and no"
                        + " source shows what the service answers; SDKs never send one.")
                .describe("EventsBatch.Events is an empty object."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode events = endpoint.batch().get("Events");
        if (events != null && events.isObject() && events.isEmpty()) {
            findings.report(this, endpoint.pointer() + "/Events", "no events");
        }
    }
}
