package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A Demographic.Locale that is a bare ISO 3166-1 alpha-3 country, as amplify-android v2 sends by itself:
 * worth knowing (analytics grouped by locale see "USA", not "en_US"), but nothing the app's developer can
 * change, so it does not fail {@code --strict}.
 */
public final class SdkCountryLocaleWarning extends Rule implements EndpointCheck {

    private static final Pattern ISO3_COUNTRY = Pattern.compile("[A-Z]{3}");

    public SdkCountryLocaleWarning() {
        super(warning("warn.locale-sdk-country", Level.ENDPOINT)
                .message("Locale is an ISO 3166-1 alpha-3 country code, not ll_CC: amplify-android sends this by"
                        + " itself and the app cannot change it, so it does not fail --strict")
                .inferred("amplify-android v2 builds the endpoint's Demographic with the device's ISO-3 country as"
                        + " its locale (Locale.getISO3Country() in https://github.com/aws-amplify/amplify-android/"
                        + "blob/main/aws-pinpoint-core/src/main/java/com/amplifyframework/pinpoint/core/"
                        + "endpointProfile/EndpointProfile.kt); the API reference documents ll_CC and no refusal"
                        + " is known.")
                .describe("Endpoint.Demographic.Locale is three upper-case letters.")
                .sentBySdk());
    }

    /** Whether a locale has the shape amplify-android gives it. */
    static boolean sentBySdk(String locale) {
        return ISO3_COUNTRY.matcher(locale).matches();
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode locale = endpoint.endpoint().path("Demographic").get("Locale");
        if (locale != null && locale.isString() && sentBySdk(locale.stringValue())) {
            findings.report(this, endpoint.endpointPointer() + "/Demographic/Locale", locale.stringValue());
        }
    }
}
