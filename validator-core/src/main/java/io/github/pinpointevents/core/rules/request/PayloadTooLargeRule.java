package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** A body over 4 MB. Checked on the raw bytes, before parsing. */
public final class PayloadTooLargeRule extends Rule {

    /** 4 MB read as 4,000,000 bytes: the smaller reading never accepts what the service refuses. */
    public static final int MAX_BODY_BYTES = 4_000_000;

    public PayloadTooLargeRule() {
        super(error("request.payload-too-large", Level.REQUEST)
                .status(413, "PayloadTooLargeException")
                .message("Request body exceeds the maximum size of 4 MB")
                .documented("Quota 'Maximum size of a request: 4 MB'"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-events); PayloadTooLargeException (413) is in the service model"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json). That the service answers 413 for"
                        + " this limit, and its message, are not seen. 4 MB is read as 4,000,000 bytes, not 4"
                        + " MiB (amplify-swift uses 4 * 1024 * 1024,"
                        + " https://github.com/aws-amplify/amplify-swift/blob/main/AmplifyPlugins/Internal/"
                        + "Sources/InternalAWSPinpoint/Analytics/EventRecorder.swift).")
                .describe("The UTF-8 body is larger than " + MAX_BODY_BYTES + " bytes."));
    }

    public boolean violatedBy(long bodyBytes) {
        return bodyBytes > MAX_BODY_BYTES;
    }
}
