package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import java.time.ZoneId;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A Demographic.Timezone that is not a tz database name. */
public final class TimezoneUnknownWarning extends Rule implements EndpointCheck {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    public TimezoneUnknownWarning() {
        super(warning("warn.timezone-unknown", Level.ENDPOINT)
                .message("Timezone is not a tz database name such as America/Los_Angeles")
                .inferred("The model (https://github.com/boto/botocore/blob/"
                        + "cd9207757d459bba9c524475b601e59f55760a3a/botocore/data/pinpoint/2016-12-01/"
                        + "service-2.json) documents tz database names; amplify-js can compute display names"
                        + " such as 'Central European Summer Time'. No refusal is known.")
                .describe("Endpoint.Demographic.Timezone is present and is not a zone ID known to the JDK."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode zone = endpoint.endpoint().path("Demographic").get("Timezone");
        if (zone != null && zone.isString() && !ZONES.contains(zone.stringValue())) {
            findings.report(this, endpoint.endpointPointer() + "/Demographic/Timezone", zone.stringValue());
        }
    }
}
