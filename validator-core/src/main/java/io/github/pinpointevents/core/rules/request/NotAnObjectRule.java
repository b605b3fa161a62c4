package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** A well-formed body whose top level is not a JSON object. */
public final class NotAnObjectRule extends Rule {

    public NotAnObjectRule() {
        super(error("request.not-an-object", Level.REQUEST)
                .message("Request body must be a JSON object")
                .inferred("The EventsRequest shape is a structure; a body of another JSON type cannot be deserialized"
                        + ". No service text is known.")
                .describe("The body is a JSON array, string, number, boolean or null."));
    }
}
