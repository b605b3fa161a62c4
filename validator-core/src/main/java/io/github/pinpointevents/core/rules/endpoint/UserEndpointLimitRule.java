package io.github.pinpointevents.core.rules.endpoint;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.RequestCheck;
import io.github.pinpointevents.core.rules.RequestView;
import io.github.pinpointevents.core.rules.Rule;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;

/** The 16th and later endpoint of one user ID within a request. */
public final class UserEndpointLimitRule extends Rule implements RequestCheck {

    public static final int MAX_ENDPOINTS_PER_USER = 15;

    public UserEndpointLimitRule() {
        super(error("endpoint.user-endpoint-limit", Level.ENDPOINT)
                .message("Exceeded maximum endpoint per user count:15")
                .observed("The service's current text, asserted by amplify-flutter's integration test (2022+,"
                        + " https://github.com/aws-amplify/amplify-flutter,"
                        + " packages/analytics/amplify_analytics_pinpoint/example/integration_test/"
                        + "identify_user_test.dart); earlier 'count 10'"
                        + " (https://github.com/aws-amplify/amplify-js/issues/1378) and 'count: 10'"
                        + " (https://github.com/aws-amplify/aws-sdk-android/issues/1470); the user guide"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/userguide/"
                        + "segments-troubleshooting.html) prints 'count: 15'. Seen from UpdateEndpoint as a"
                        + " whole-request BadRequestException; https://github.com/DavidWells/analytics checks it"
                        + " on EndpointItemResponse. Only endpoints within this request can be counted offline.")
                .describe("More than 15 distinct endpoints in the request carry the same User.UserId; each one after"
                        + " the 15th is refused."));
    }

    @Override
    public void check(RequestView request, Findings findings) {
        Map<String, Integer> perUser = new HashMap<>();
        for (Entry<String, JsonNode> item : request.batchItem().properties()) {
            JsonNode userId = item.getValue().path("Endpoint").path("User").get("UserId");
            if (userId != null && userId.isString() && !userId.stringValue().isEmpty()) {
                int n = perUser.merge(userId.stringValue(), 1, Integer::sum);
                if (n > MAX_ENDPOINTS_PER_USER) {
                    findings.report(this, "/BatchItem/" + Json.escapePointer(item.getKey()) + "/Endpoint/User/UserId",
                            "endpoint " + n + " of user " + userId.stringValue());
                }
            }
        }
    }
}
