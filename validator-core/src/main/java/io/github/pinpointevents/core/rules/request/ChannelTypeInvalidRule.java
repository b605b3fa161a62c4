package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** An Endpoint.ChannelType outside the model's enumeration. */
public final class ChannelTypeInvalidRule extends Rule implements SchemaBound {

    public ChannelTypeInvalidRule() {
        super(error("request.channel-type-invalid", Level.REQUEST)
                .message("ChannelType must be one of: PUSH, GCM, APNS, APNS_SANDBOX, APNS_VOIP, APNS_VOIP_SANDBOX,"
                        + " ADM, SMS, VOICE, EMAIL, BAIDU, CUSTOM, IN_APP")
                .inferred("ChannelType is an enumeration in the service model"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json); botocore does not check it. An"
                        + " unknown value fails enum deserialization of the whole body. No service text is known.")
                .describe("Endpoint.ChannelType is a string outside the enumeration, such as \"FCM\" or \"gcm\"."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/PublicEndpoint/properties/ChannelType/enum");
    }
}
