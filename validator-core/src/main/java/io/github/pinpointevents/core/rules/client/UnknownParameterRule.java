package io.github.pinpointevents.core.rules.client;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** botocore: a member the model does not define. */
public final class UnknownParameterRule extends Rule {

    public UnknownParameterRule() {
        super(error("client.unknown-parameter", Level.CLIENT)
                .status(252, null)
                .message("Unknown parameter in {path}: \"{member}\", must be one of: {members}")
                .observed("botocore validate.py"
                        + " (https://github.com/boto/botocore/blob/develop/botocore/validate.py; 1.43.11 ran"
                        + " here), run against these requests; members are listed in the service model's order"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json).")
                .describe("The AWS CLI refuses a structure holding a member the model does not define."));
    }

    public String render(String path, String member, String members) {
        return "Unknown parameter in " + path + ": \"" + member + "\", must be one of: " + members;
    }
}
