package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** A Location.Country that is not an ISO 3166-1 alpha-2 code. */
public final class CountryCodeWarning extends Rule implements EndpointCheck {

    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    public CountryCodeWarning() {
        super(warning("warn.country-code", Level.ENDPOINT)
                .message("Country is not an ISO 3166-1 alpha-2 code such as US")
                .inferred("The model documents alpha-2; 'USA' and empty strings were accepted (A1, A2).")
                .describe("Endpoint.Location.Country is a non-empty string other than two capital letters."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode country = endpoint.endpoint().path("Location").get("Country");
        if (country != null && country.isString() && !country.stringValue().isEmpty()
                && !ALPHA_2.matcher(country.stringValue()).matches()) {
            findings.report(this, endpoint.endpointPointer() + "/Location/Country", country.stringValue());
        }
    }
}
