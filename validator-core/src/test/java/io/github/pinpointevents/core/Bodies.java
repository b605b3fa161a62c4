package io.github.pinpointevents.core;

import io.github.pinpointevents.core.internal.Json;
import tools.jackson.databind.node.ObjectNode;

/** Builds request bodies for tests: one endpoint "ep" with events e0, e1, ... unless told otherwise. */
final class Bodies {

    static final String TS = "2025-06-01T12:00:00.000Z";

    private Bodies() {
    }

    static ObjectNode event() {
        return Json.MAPPER.createObjectNode().put("EventType", "play").put("Timestamp", TS);
    }

    /** {"BatchItem": {"ep": {"Endpoint": {}, "Events": {"e0": event, ...}}}} */
    static ObjectNode body(ObjectNode... events) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode batch = body.putObject("BatchItem").putObject("ep");
        batch.putObject("Endpoint");
        ObjectNode map = batch.putObject("Events");
        for (int i = 0; i < events.length; i++) {
            map.set("e" + i, events[i]);
        }
        return body;
    }

    static ObjectNode endpoint(ObjectNode body) {
        return (ObjectNode) body.get("BatchItem").get("ep").get("Endpoint");
    }

    static ObjectNode events(ObjectNode body) {
        return (ObjectNode) body.get("BatchItem").get("ep").get("Events");
    }

    static byte[] bytes(ObjectNode body) {
        return Json.MAPPER.writeValueAsBytes(body);
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }
}
