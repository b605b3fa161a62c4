package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import tools.jackson.databind.JsonNode;

/** OptOut NONE on an endpoint without an Address. */
public final class OptOutNoneWithoutAddressWarning extends Rule implements EndpointCheck {

    public OptOutNoneWithoutAddressWarning() {
        super(warning("warn.opt-out-none-without-address", Level.ENDPOINT)
                .message("OptOut is NONE but the endpoint has no Address; UpdateEndpoint refuses this with"
                        + " 'Missing Address'")
                .inferred("UpdateEndpoint answers 'Missing Address' for OptOut NONE without an Address"
                        + " (https://github.com/aws-amplify/amplify-js/issues/1910); whether PutEvents does is not"
                        + " shown. SDKs send ALL without a token.")
                .describe("Endpoint.OptOut is NONE and Endpoint.Address is absent or empty."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode optOut = endpoint.endpoint().get("OptOut");
        JsonNode address = endpoint.endpoint().get("Address");
        if (optOut != null && "NONE".equals(optOut.asString(""))
                && (address == null || !address.isString() || address.stringValue().isEmpty())) {
            findings.report(this, endpoint.endpointPointer() + "/OptOut", "NONE without Address");
        }
    }
}
