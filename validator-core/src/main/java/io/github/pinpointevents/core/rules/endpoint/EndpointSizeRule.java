package io.github.pinpointevents.core.rules.endpoint;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.internal.Json;

/** An Endpoint object over 15 KB. */
public final class EndpointSizeRule extends Rule implements EndpointCheck {

    /** 15 KB read as 15,000 bytes of compact UTF-8 JSON, the smaller reading. */
    public static final int MAX_ENDPOINT_BYTES = 15_000;

    public EndpointSizeRule() {
        super(error("endpoint.size", Level.ENDPOINT)
                .message("Endpoint size should be at most 15 KB")
                .documented("Endpoint quotas"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-endpoint): 'the maximum endpoint size is 15 KB'. Measured as the"
                        + " compact UTF-8 JSON of the Endpoint object, 15,000 bytes. The level inside PutEvents"
                        + " and the message are not seen.")
                .describe("The Endpoint object, written as compact JSON, is larger than 15,000 bytes."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        // See EventSizeRule for the factor of 4.
        if ((long) endpoint.bodyBytes() * 4 > MAX_ENDPOINT_BYTES && endpoint.endpoint().isObject()) {
            int size = Json.compactSize(endpoint.endpoint());
            if (size > MAX_ENDPOINT_BYTES) {
                findings.report(this, endpoint.endpointPointer(), size + " bytes");
            }
        }
    }
}
