package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import tools.jackson.databind.JsonNode;

/** Endpoint or user attribute names with characters the Pinpoint console cannot display. */
public final class AttributeNameCharactersWarning extends Rule implements EndpointCheck {

    private static final String AVOID = "#:?\\/";

    public AttributeNameCharactersWarning() {
        super(warning("warn.attribute-name-characters", Level.ENDPOINT)
                .message("Attribute name contains # : ? \\ or /, which the Pinpoint console cannot display")
                .documented("PublicEndpoint docstring"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json): 'avoid using the following"
                        + " characters: number sign (#), colon (:), question mark (?), backslash (\\), and slash"
                        + " (/)'. Advice, not a refusal.")
                .describe("A key of Endpoint.Attributes or User.UserAttributes contains one of # : ? \\ /."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        flag(endpoint, findings, endpoint.endpoint().path("Attributes"), "/Attributes/");
        flag(endpoint, findings, endpoint.endpoint().path("User").path("UserAttributes"), "/User/UserAttributes/");
    }

    private void flag(EndpointView endpoint, Findings findings, JsonNode attributes, String member) {
        for (String name : attributes.propertyNames()) {
            if (name.chars().anyMatch(c -> AVOID.indexOf(c) >= 0)) {
                findings.report(this, endpoint.endpointPointer() + member + Json.escapePointer(name), name);
            }
        }
    }
}
