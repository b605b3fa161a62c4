package io.github.pinpointevents.core.rules.endpoint;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** More than 50 values for one endpoint or user attribute. */
public final class EndpointAttributeValueCountRule extends Rule implements SchemaBound {

    public EndpointAttributeValueCountRule() {
        super(error("endpoint.attribute-value-count", Level.ENDPOINT)
                .message("Endpoint attribute should have at most 50 values")
                .documented("Endpoint quotas"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-endpoint): 'Values assigned to each Attributes attribute: 50' and"
                        + " the same for UserAttributes. The level inside PutEvents and the message are not seen.")
                .describe("A list in Endpoint.Attributes or User.UserAttributes holds more than 50 values."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/EndpointAttributes/additionalProperties/maxItems");
    }
}
