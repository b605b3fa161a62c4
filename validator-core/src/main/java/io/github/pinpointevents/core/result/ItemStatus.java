package io.github.pinpointevents.core.result;

import io.github.pinpointevents.core.internal.CompactNodeFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A status code and message: the shape of both {@code EndpointItemResponse} and {@code EventItemResponse}.
 */
public record ItemStatus(int statusCode, String message) {

    public static final ItemStatus ACCEPTED = new ItemStatus(202, "Accepted");

    public static ItemStatus refused(String message) {
        return new ItemStatus(400, message);
    }

    public boolean accepted() {
        return statusCode == 202;
    }

    public ObjectNode toJson() {
        ObjectNode node = CompactNodeFactory.INSTANCE.objectNode();
        node.put("StatusCode", statusCode);
        node.put("Message", message);
        return node;
    }

    static ItemStatus fromJson(JsonNode node) {
        return new ItemStatus(node.path("StatusCode").asInt(0), node.path("Message").asString(""));
    }
}
