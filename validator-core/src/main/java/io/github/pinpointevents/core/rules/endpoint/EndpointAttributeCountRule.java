package io.github.pinpointevents.core.rules.endpoint;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import tools.jackson.databind.JsonNode;

/** More than 250 attributes on one endpoint. */
public final class EndpointAttributeCountRule extends Rule implements EndpointCheck {

    public static final int MAX_ATTRIBUTES = 250;

    public EndpointAttributeCountRule() {
        super(error("endpoint.attribute-count", Level.ENDPOINT)
                .message("Too many custom attributes")
                .documented("Endpoint quotas"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-endpoint): 'The maximum number of attributes supported per"
                        + " endpoint is 250', for Attributes, Metrics and UserAttributes together. The text 'Too"
                        + " many custom attributes' is documented for UpdateEndpoint(sBatch)"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/userguide/"
                        + "segments-troubleshooting.html), not seen inside PutEvents.")
                .describe("Endpoint.Attributes, Endpoint.Metrics and User.UserAttributes hold more than 250 keys"
                        + " together."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode e = endpoint.endpoint();
        int count = e.path("Attributes").size() + e.path("Metrics").size()
                + e.path("User").path("UserAttributes").size();
        if (count > MAX_ATTRIBUTES) {
            findings.report(this, endpoint.endpointPointer(), count + " attributes and metrics");
        }
    }
}
