package io.github.pinpointevents.core.rules.endpoint;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** An EventsBatch without Endpoint. */
public final class EndpointMissingRule extends Rule implements SchemaBound {

    public EndpointMissingRule() {
        super(error("endpoint.endpoint-missing", Level.ENDPOINT)
                .message("Endpoint is required")
                .inferred("EventsBatch.Endpoint is required in the service model"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json); SDKs always send one (amplify-js"
                        + " sends {}). Refused at the endpoint, by analogy with a missing EventType"
                        + " (https://github.com/aws-amplify/amplify-js/issues/10966). Not seen.")
                .describe("A BatchItem value has no Endpoint member (or it is null)."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/EventsBatch/required/Endpoint");
    }
}
