package io.github.pinpointevents.core.rules.endpoint;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** An endpoint or user attribute value over 100 characters. */
public final class EndpointAttributeValueLengthRule extends Rule implements SchemaBound {

    public EndpointAttributeValueLengthRule() {
        super(error("endpoint.attribute-value-length", Level.ENDPOINT)
                .message("Endpoint attribute value length should be at most 100 characters")
                .documented("Endpoint quotas"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-endpoint): 'Attribute value length: 100 characters'; the"
                        + " PublicEndpoint docstring"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json): 'An attribute value can contain up"
                        + " to 100 characters'. The level inside PutEvents and the message are not seen.")
                .describe("A value in Endpoint.Attributes or User.UserAttributes is longer than 100 characters."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/EndpointAttributes/additionalProperties/items/maxLength");
    }
}
