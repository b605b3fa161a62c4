package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A Demographic.Locale not in the documented ll_CC form, chosen by the app's code: a bare ISO-3 country is
 * what amplify-android sends by itself, and {@link SdkCountryLocaleWarning} reports it instead.
 */
public final class LocaleFormatWarning extends Rule implements EndpointCheck {

    private static final Pattern LL_CC = Pattern.compile("[a-z]{2}_[A-Z]{2}");

    public LocaleFormatWarning() {
        super(warning("warn.locale-format", Level.ENDPOINT)
                .message("Locale is not an ISO 639-1 language code, an underscore and an ISO 3166-1 alpha-2 country"
                        + " code, such as en_US")
                .inferred("The Pinpoint API reference documents ll_CC"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/apireference/"
                        + "apps-application-id-endpoints.html, EndpointDemographic.Locale); browsers send en-US,"
                        + " and no refusal is known.")
                .describe("Endpoint.Demographic.Locale is present, does not match ll_CC, and is not the bare"
                        + " ISO-3 country amplify-android sends (warn.locale-sdk-country)."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode locale = endpoint.endpoint().path("Demographic").get("Locale");
        if (locale != null && locale.isString() && !LL_CC.matcher(locale.stringValue()).matches()
                && !SdkCountryLocaleWarning.sentBySdk(locale.stringValue())) {
            findings.report(this, endpoint.endpointPointer() + "/Demographic/Locale", locale.stringValue());
        }
    }
}
