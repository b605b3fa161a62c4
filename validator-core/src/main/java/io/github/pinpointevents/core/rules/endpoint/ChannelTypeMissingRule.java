package io.github.pinpointevents.core.rules.endpoint;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import tools.jackson.databind.JsonNode;

/** An Address without a ChannelType. */
public final class ChannelTypeMissingRule extends Rule implements EndpointCheck {

    public ChannelTypeMissingRule() {
        super(error("endpoint.channel-type-missing", Level.ENDPOINT)
                .message("Missing ChannelType")
                .inferred("Only the prefix is seen: https://github.com/DavidWells/analytics"
                        + " (packages/analytics-plugin-aws-pinpoint) handles an endpoint response starting with"
                        + " 'Missing"
                        + " ChannelType' (status 400). The trigger is our reading: ChannelType without"
                        + " Address is accepted (a captured GCM endpoint without Address got 202:"
                        + " https://github.com/amosyuen/"
                        + "ha-mikucare/blob/b5bee033e62c31a2e8a1d233efeba1aa399058e3/custom_components/mikucare/"
                        + "api.py),"
                        + " and that sender adds a ChannelType exactly when an Address has"
                        + " none. The full text is not known.")
                .describe("Endpoint.Address is a non-empty string and Endpoint.ChannelType is absent."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode address = endpoint.endpoint().get("Address");
        JsonNode channel = endpoint.endpoint().get("ChannelType");
        if (address != null && address.isString() && !address.stringValue().isEmpty()
                && (channel == null || channel.isNull())) {
            findings.report(this, endpoint.endpointPointer() + "/Address", "Address without ChannelType");
        }
    }
}
