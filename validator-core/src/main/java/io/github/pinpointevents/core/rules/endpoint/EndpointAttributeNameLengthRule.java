package io.github.pinpointevents.core.rules.endpoint;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** An endpoint or user attribute name, or an endpoint metric name, over 50 characters. */
public final class EndpointAttributeNameLengthRule extends Rule implements SchemaBound {

    public EndpointAttributeNameLengthRule() {
        super(error("endpoint.attribute-name-length", Level.ENDPOINT)
                .message("Endpoint attribute name length should be at most 50 characters")
                .documented("Endpoint quotas"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-endpoint): 'Attribute name length: 50 characters'; the"
                        + " PublicEndpoint docstring"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json): 'An attribute name can contain up"
                        + " to 50 characters'. Applied to metric names too (our reading). The level inside"
                        + " PutEvents and the message are not seen.")
                .describe("A key of Endpoint.Attributes, Endpoint.Metrics or User.UserAttributes is longer than 50"
                        + " characters."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/EndpointAttributes/propertyNames", "/$defs/EndpointMetrics/propertyNames");
    }
}
