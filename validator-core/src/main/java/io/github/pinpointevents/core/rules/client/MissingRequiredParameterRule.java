package io.github.pinpointevents.core.rules.client;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** botocore: a required member is absent. */
public final class MissingRequiredParameterRule extends Rule {

    public MissingRequiredParameterRule() {
        super(error("client.missing-required", Level.CLIENT)
                .status(252, null)
                .message("Missing required parameter in {path}: \"{member}\"")
                .observed("botocore validate.py"
                        + " (https://github.com/boto/botocore/blob/develop/botocore/validate.py; 1.43.11, with"
                        + " the AWS CLI installed here), run against these requests; the CLI prints 'Parameter"
                        + " validation failed:' first.")
                .describe("The AWS CLI refuses, before sending, a structure without a member the model requires:"
                        + " EventsRequest.BatchItem, Endpoint and Events, EventType and Timestamp, and Session's Id"
                        + " and StartTimestamp when a Session is sent. Present-but-null counts as present."));
    }

    public String render(String path, String member) {
        return "Missing required parameter in " + path + ": \"" + member + "\"";
    }
}
