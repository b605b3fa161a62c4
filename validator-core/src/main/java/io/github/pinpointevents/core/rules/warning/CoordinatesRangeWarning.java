package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import tools.jackson.databind.JsonNode;

/** A latitude or longitude outside the globe. */
public final class CoordinatesRangeWarning extends Rule implements EndpointCheck {

    public CoordinatesRangeWarning() {
        super(warning("warn.coordinates-range", Level.ENDPOINT)
                .message("Latitude must lie in [-90, 90] and Longitude in [-180, 180]")
                .inferred("No range check is documented or seen; values outside the globe are mistakes.")
                .describe("Endpoint.Location.Latitude or Longitude is a number out of range."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode location = endpoint.endpoint().path("Location");
        flag(endpoint, findings, location.get("Latitude"), 90, "/Location/Latitude");
        flag(endpoint, findings, location.get("Longitude"), 180, "/Location/Longitude");
    }

    private void flag(EndpointView endpoint, Findings findings, JsonNode value, double bound, String member) {
        if (value != null && value.isNumber() && Math.abs(Json.toDouble(value)) > bound) {
            findings.report(this, endpoint.endpointPointer() + member, value.toString());
        }
    }
}
