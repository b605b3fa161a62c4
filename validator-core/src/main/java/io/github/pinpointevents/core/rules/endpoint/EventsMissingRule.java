package io.github.pinpointevents.core.rules.endpoint;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** An EventsBatch without Events. */
public final class EventsMissingRule extends Rule implements SchemaBound {

    public EventsMissingRule() {
        super(error("endpoint.events-missing", Level.ENDPOINT)
                .message("Events is required")
                .inferred("EventsBatch.Events is required in the service model"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json). Refused at the endpoint, by"
                        + " analogy with a missing EventType"
                        + " (https://github.com/aws-amplify/amplify-js/issues/10966). Not seen; the message is"
                        + " ours.")
                .describe("A BatchItem value has no Events member (or it is null)."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/EventsBatch/required/Events");
    }
}
