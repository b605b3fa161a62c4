package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** A well-formed body whose top level is not a JSON object. */
public final class NotAnObjectRule extends Rule {

    public NotAnObjectRule() {
        super(error("request.not-an-object", Level.REQUEST)
                .message("Request body must be a JSON object")
                .inferred("The EventsRequest shape is a structure"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json); a body of another JSON type cannot"
                        + " be deserialized. No service text is known.")
                .describe("The body is a JSON array, string, number, boolean or null."));
    }
}
