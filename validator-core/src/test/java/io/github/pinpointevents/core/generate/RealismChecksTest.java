package io.github.pinpointevents.core.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The realism checks are not vacuous: each catches a request spoiled in one way. */
class RealismChecksTest {

    private static final GeneratorConfig CONFIG = GeneratorConfig.builder().seed(11).count(400).build();

    @Test
    void aGeneratedRequestPasses() {
        assertTrue(RealismChecks.check(CONFIG, find("amplify-android").eventsRequest()).isEmpty());
    }

    @Test
    void spoiledRequestsAreCaught() {
        assertCaught("amplify-android", "session arithmetic", e -> session(last(e)).put("Duration",
                session(last(e)).get("Duration").longValue() + 1));
        assertCaught("aws-sdk-android", "Session.Id", e -> session(first(e)).put("Id", "x"));
        assertCaught("amplify-swift", "event id", e -> rekeyFirstEventLowerCase(e));
        assertCaught("aws-sdk-android", "out of order", e -> first(e).put("Timestamp", "2025-01-12T23:59:59.999Z"));
        assertCaught("amplify-js", "empty Endpoint", e -> ((ObjectNode) e.get("Endpoint")).put("ChannelType", "GCM"));
        assertCaught("aws-sdk-iOS", "do not agree", e -> ((ObjectNode) e.path("Endpoint").path("Demographic"))
                .put("Timezone", "Asia/Tokyo").put("Locale", "en_US"));
        assertCaught("amplify-android", "timestamp format", e -> first(e).put("Timestamp", "2025-01-07T10:00:00Z"));
    }

    private static void assertCaught(String sdk, String problem, Consumer<ObjectNode> spoil) {
        GeneratedRequest r = find(sdk);
        ObjectNode request = (ObjectNode) r.eventsRequest().deepCopy();
        ObjectNode item = (ObjectNode) request.get("BatchItem").values().iterator().next();
        spoil.accept(item);
        List<String> problems = RealismChecks.check(CONFIG, request);
        assertTrue(problems.stream().anyMatch(p -> p.contains(problem)), sdk + ": expected '" + problem + "' in "
                + problems);
    }

    /** The first request whose (single) endpoint was sent by the SDK, with at least 3 events. */
    private static GeneratedRequest find(String sdk) {
        RequestGenerator generator = RequestGenerator.create(CONFIG);
        for (long i = 0; i < CONFIG.count(); i++) {
            GeneratedRequest r = generator.generate(i);
            JsonNode item = r.eventsRequest().get("BatchItem").values().iterator().next();
            JsonNode event = item.get("Events").values().iterator().next();
            String name = event.path("SdkName").asString(event.has("Session") ? "amplify-js" : "server");
            if (name.equals(sdk) && item.get("Events").size() >= 3
                    && item.get("Events").values().stream().reduce((a, b) -> b).orElseThrow()
                            .path("EventType").asString().equals("_session.stop")) {
                return r;
            }
        }
        throw new AssertionError("no request from " + sdk);
    }

    private static ObjectNode first(ObjectNode item) {
        return (ObjectNode) item.get("Events").values().iterator().next();
    }

    private static ObjectNode last(ObjectNode item) {
        return (ObjectNode) item.get("Events").values().stream().reduce((a, b) -> b).orElseThrow();
    }

    private static ObjectNode session(ObjectNode event) {
        return (ObjectNode) event.get("Session");
    }

    private static void rekeyFirstEventLowerCase(ObjectNode item) {
        ObjectNode events = (ObjectNode) item.get("Events");
        String id = events.propertyNames().iterator().next();
        JsonNode event = events.remove(id);
        events.set(id.toLowerCase(java.util.Locale.ROOT), event);
    }
}
