package io.github.pinpointevents.server;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks an UpdateEndpoint body (an EndpointRequest) against the member types of the Pinpoint service model
 * (https://docs.aws.amazon.com/pinpoint/latest/apireference/apps-application-id-endpoints-endpoint-id.html).
 * "Missing Address" for {@code OptOut: NONE} without an Address is the service's observed answer
 * (https://github.com/aws-amplify/amplify-js/issues/1910); the texts for wrong member types are inferred, the
 * service's own are not known.
 */
final class EndpointRequestCheck {

    static final String MISSING_ADDRESS = "Missing Address";

    private static final Set<String> STRINGS = Set.of("Address", "EffectiveDate", "EndpointStatus", "OptOut",
            "RequestId");
    private static final Set<String> CHANNEL_TYPES = Set.of("PUSH", "GCM", "APNS", "APNS_SANDBOX", "APNS_VOIP",
            "APNS_VOIP_SANDBOX", "ADM", "SMS", "VOICE", "EMAIL", "BAIDU", "CUSTOM", "IN_APP");

    private EndpointRequestCheck() {
    }

    /** The BadRequestException message for the body, or null when it is an acceptable EndpointRequest. */
    static String problem(JsonNode request) {
        if (request == null || !request.isObject()) {
            return "The request body must be a JSON object (EndpointRequest)";
        }
        for (Map.Entry<String, JsonNode> member : request.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                continue;
            }
            boolean ok = switch (name) {
                case "ChannelType" -> value.isString() && CHANNEL_TYPES.contains(value.asString());
                case "Attributes" -> mapOf(value, EndpointRequestCheck::stringList);
                case "Metrics" -> mapOf(value, JsonNode::isNumber);
                case "Demographic" -> mapOf(value, JsonNode::isString);
                case "Location" -> mapOf(value, v -> v.isString() || v.isNumber());
                case "User" -> value.isObject() && (!value.has("UserId") || value.get("UserId").isString())
                        && (!value.has("UserAttributes") || mapOf(value.get("UserAttributes"),
                                EndpointRequestCheck::stringList));
                default -> !STRINGS.contains(name) || value.isString();
            };
            if (!ok) {
                return "Invalid value for " + name + " in the EndpointRequest";
            }
        }
        if (request.path("OptOut").asString("").equals("NONE") && request.path("Address").asString("").isEmpty()) {
            return MISSING_ADDRESS;
        }
        return null;
    }

    private static boolean mapOf(JsonNode value, java.util.function.Predicate<JsonNode> member) {
        if (!value.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (!member.test(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean stringList(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode v : value) {
            if (!v.isString()) {
                return false;
            }
        }
        return true;
    }
}
