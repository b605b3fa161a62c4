package io.github.pinpointevents.core.rules.endpoint;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** An empty endpoint ID (BatchItem key). */
public final class EndpointIdEmptyRule extends Rule implements EndpointCheck {

    public EndpointIdEmptyRule() {
        super(error("endpoint.id-empty", Level.ENDPOINT)
                .message("Endpoint ID cannot be empty")
                .inferred("The service accepts free-form endpoint IDs such as \"bel\""
                        + " (https://github.com/pplu/aws-sdk-perl/issues/389); an empty one cannot name an"
                        + " endpoint. Not seen; the message is ours.")
                .describe("A BatchItem key is the empty string."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        if (endpoint.endpointId().isEmpty()) {
            findings.report(this, endpoint.pointer(), "empty endpoint ID");
        }
    }
}
