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
                .observed("N5: the service's current text (amplify-flutter integration test, 2022+); earlier 'count 10'"
                        + " and 'count: 10'; the user guide prints 'count: 15'. Seen from UpdateEndpoint as a"
                        + " whole-request BadRequestException; DavidWells/analytics checks it on EndpointItemResponse."
                        + " Only endpoints within this request can be counted offline.")
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
