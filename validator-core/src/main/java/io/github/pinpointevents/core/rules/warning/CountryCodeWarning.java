package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** A Location.Country that is not an ISO 3166-1 alpha-2 or alpha-3 code. */
public final class CountryCodeWarning extends Rule implements EndpointCheck {

    private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{2,3}");

    public CountryCodeWarning() {
        super(warning("warn.country-code", Level.ENDPOINT)
                .message("Country is not an ISO 3166-1 code such as US (or USA, as the Android SDKs send)")
                .inferred("The model (https://github.com/boto/botocore/blob/"
                        + "cd9207757d459bba9c524475b601e59f55760a3a/botocore/data/pinpoint/2016-12-01/"
                        + "service-2.json) documents alpha-2; the Android SDKs send alpha-3 (getISO3Country) and"
                        + " 'USA' was accepted"
                        + " (https://github.com/amosyuen/ha-mikucare/blob/"
                        + "b5bee033e62c31a2e8a1d233efeba1aa399058e3/custom_components/mikucare/api.py, and"
                        + " amplify-flutter's integration tests,"
                        + " https://github.com/aws-amplify/amplify-flutter), as were empty strings.")
                .describe("Endpoint.Location.Country is a non-empty string other than two or three capital letters."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode country = endpoint.endpoint().path("Location").get("Country");
        if (country != null && country.isString() && !country.stringValue().isEmpty()
                && !ISO_CODE.matcher(country.stringValue()).matches()) {
            findings.report(this, endpoint.endpointPointer() + "/Location/Country", country.stringValue());
        }
    }
}
