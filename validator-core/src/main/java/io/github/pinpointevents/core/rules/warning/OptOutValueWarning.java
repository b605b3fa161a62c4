package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import tools.jackson.databind.JsonNode;

/** An OptOut other than ALL or NONE. */
public final class OptOutValueWarning extends Rule implements EndpointCheck {

    public OptOutValueWarning() {
        super(warning("warn.opt-out-value", Level.ENDPOINT)
                .message("OptOut should be ALL or NONE")
                .inferred("The model (https://github.com/boto/botocore/blob/"
                        + "cd9207757d459bba9c524475b601e59f55760a3a/botocore/data/pinpoint/2016-12-01/"
                        + "service-2.json) documents ALL and NONE in a free string; no source shows other values"
                        + " refused.")
                .describe("Endpoint.OptOut is a string other than ALL and NONE."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode optOut = endpoint.endpoint().get("OptOut");
        if (optOut != null && optOut.isString() && !optOut.stringValue().equals("ALL")
                && !optOut.stringValue().equals("NONE")) {
            findings.report(this, endpoint.endpointPointer() + "/OptOut", optOut.stringValue());
        }
    }
}
