package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** A Demographic.Locale not in the documented ll_CC form. */
public final class LocaleFormatWarning extends Rule implements EndpointCheck {

    private static final Pattern LL_CC = Pattern.compile("[a-z]{2}_[A-Z]{2}");

    public LocaleFormatWarning() {
        super(warning("warn.locale-format", Level.ENDPOINT)
                .message("Locale is not an ISO 639-1 language code, an underscore and an ISO 3166-1 alpha-2 country"
                        + " code, such as en_US")
                .inferred("The model documents ll_CC; amplify-android sends an ISO-3 country and browsers send en-US,"
                        + " and no refusal is known.")
                .describe("Endpoint.Demographic.Locale is present and does not match ll_CC."));
    }

    @Override
    public void check(EndpointView endpoint, Findings findings) {
        JsonNode locale = endpoint.endpoint().path("Demographic").get("Locale");
        if (locale != null && locale.isString() && !LL_CC.matcher(locale.stringValue()).matches()) {
            findings.report(this, endpoint.endpointPointer() + "/Demographic/Locale", locale.stringValue());
        }
    }
}
