package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.internal.Timestamps;
import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import tools.jackson.databind.JsonNode;

/** An EffectiveDate that is not an ISO 8601 date-time. */
public final class EffectiveDateFormatWarning extends Rule implements EndpointCheck {

    public EffectiveDateFormatWarning() {
        super(warning("warn.effective-date-format", Level.ENDPOINT)
                .message("EffectiveDate is not an ISO 8601 date-time")
                .inferred("The model (https://github.com/boto/botocore/blob/"
                        + "cd9207757d459bba9c524475b601e59f55760a3a/botocore/data/pinpoint/2016-12-01/"
                        + "service-2.json) documents ISO 8601; the service's answer to other values is not"
                        + " known. The service uses it to choose which endpoint of a user becomes INACTIVE.")
                .describe("Endpoint.EffectiveDate is present and not an RFC 3339 date-time."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode date = endpoint.endpoint().get("EffectiveDate");
        if (date != null && date.isString() && Timestamps.parse(date) == null) {
            findings.report(this, endpoint.endpointPointer() + "/EffectiveDate", date.stringValue());
        }
    }
}
