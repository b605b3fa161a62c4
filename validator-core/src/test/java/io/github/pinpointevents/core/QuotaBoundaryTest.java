package io.github.pinpointevents.core;

import static io.github.pinpointevents.core.Bodies.body;
import static io.github.pinpointevents.core.Bodies.bytes;
import static io.github.pinpointevents.core.Bodies.endpoint;
import static io.github.pinpointevents.core.Bodies.event;
import static io.github.pinpointevents.core.Bodies.events;
import static io.github.pinpointevents.core.Bodies.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.ItemStatus;
import io.github.pinpointevents.core.result.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Every PutEvents quota the rule catalogue holds (docs/rules.md), at its limit (accepted) and one past it (refused). */
class QuotaBoundaryTest {

    private final PutEventsValidator validator = PutEventsValidator.create(
            ValidatorConfig.builder().warnings(false).build());

    private Decision decide(ObjectNode body) {
        return validator.decide(bytes(body));
    }

    private static ItemStatus eventStatus(Decision d, String id) {
        return d.response().results().get("ep").eventsItemResponse().get(id);
    }

    private static ItemStatus endpointStatus(Decision d, String id) {
        return d.response().results().get(id).endpointItemResponse();
    }

    private static void assertOnly(Decision d, String ruleId, String pointer) {
        List<String> found = d.errors().stream().map(v -> v.rule().id() + " " + v.pointer()).toList();
        assertEquals(List.of(ruleId + " " + pointer), found);
    }

    private static ObjectNode withEvents(int count) {
        ObjectNode body = body();
        for (int i = 0; i < count; i++) {
            events(body).set("e" + i, event());
        }
        return body;
    }

    @Test
    void oneHundredEventsPerRequest() {
        assertTrue(decide(withEvents(100)).allAccepted());
        Decision d = decide(withEvents(101));
        assertEquals("BadRequestException", d.error().errorType());
        assertEquals(400, d.error().httpStatus());
        assertEquals("request.too-many-events", d.errors().get(0).rule().id());
    }

    @Test
    void oneHundredEventsCountAcrossEndpoints() {
        ObjectNode body = withEvents(50);
        ObjectNode second = ((ObjectNode) body.get("BatchItem")).putObject("ep2");
        second.putObject("Endpoint");
        ObjectNode more = second.putObject("Events");
        for (int i = 0; i < 50; i++) {
            more.set("f" + i, event());
        }
        assertTrue(decide(body).allAccepted());
        more.set("f50", event());
        Decision d = decide(body);
        assertOnly(d, "request.too-many-events", "/BatchItem");
        assertEquals("Number of events in a request should be at most 100", d.error().message());
    }

    @Test
    void fourMegabytesPerRequest() {
        byte[] core = bytes(body(event()));
        byte[] atLimit = padded(core, 4_000_000);
        assertEquals(4_000_000, atLimit.length);
        assertTrue(validator.decide(atLimit).allAccepted());
        Decision d = validator.decide(padded(core, 4_000_001));
        assertEquals("PayloadTooLargeException", d.error().errorType());
        assertEquals(413, d.error().httpStatus());
    }

    /** The body with spaces before its last brace, to an exact size. */
    private static byte[] padded(byte[] body, int size) {
        String text = new String(body, StandardCharsets.UTF_8);
        String padded = text.substring(0, text.length() - 1) + " ".repeat(size - body.length) + "}";
        return padded.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fewerThanFortyAttributesAndMetricsPerEvent() {
        ObjectNode ok = event();
        ObjectNode over = event();
        for (int i = 0; i < 39; i++) {
            ok.withObject("Attributes").put("a" + i, "v");
            over.withObject("Attributes").put("a" + i, "v");
        }
        over.withObject("Attributes").put("a39", "v");
        Decision d = decide(body(ok, over));
        assertEquals(ItemStatus.ACCEPTED, eventStatus(d, "e0"));
        assertEquals(ItemStatus.refused("Number of attributes per event submitted should be less than 40."),
                eventStatus(d, "e1"));
        assertOnly(d, "event.attribute-count", "/BatchItem/ep/Events/e1/Attributes");
    }

    @Test
    void attributesAndMetricsCountTogether() {
        ObjectNode ok = event();
        ObjectNode over = event();
        for (int i = 0; i < 20; i++) {
            ok.withObject("Attributes").put("a" + i, "v");
            over.withObject("Attributes").put("a" + i, "v");
            over.withObject("Metrics").put("m" + i, i);
            if (i < 19) {
                ok.withObject("Metrics").put("m" + i, i);
            }
        }
        Decision d = decide(body(ok, over));
        assertEquals(ItemStatus.ACCEPTED, eventStatus(d, "e0"));
        assertOnly(d, "event.attribute-count", "/BatchItem/ep/Events/e1");
    }

    @Test
    void eventAttributeKeysShorterThanFifty() {
        ObjectNode ok = event();
        ok.putObject("Attributes").put(repeat('k', 49), "v");
        ObjectNode over = event();
        over.putObject("Attributes").put(repeat('k', 50), "v");
        Decision d = decide(body(ok, over));
        assertEquals(ItemStatus.ACCEPTED, eventStatus(d, "e0"));
        assertEquals("Event attribute key length should be less than 50.", eventStatus(d, "e1").message());
        assertOnly(d, "event.attribute-key-length", "/BatchItem/ep/Events/e1/Attributes/" + repeat('k', 50));
    }

    @Test
    void eventAttributeValuesShorterThanTwoHundred() {
        ObjectNode ok = event();
        ok.putObject("Attributes").put("k", repeat('v', 199));
        ObjectNode over = event();
        over.putObject("Attributes").put("k", repeat('v', 200));
        Decision d = decide(body(ok, over));
        assertEquals(ItemStatus.ACCEPTED, eventStatus(d, "e0"));
        assertEquals("Event attribute value length should be less than 200", eventStatus(d, "e1").message());
        assertOnly(d, "event.attribute-value-length", "/BatchItem/ep/Events/e1/Attributes/k");
    }

    @Test
    void eventMetricKeysShorterThanFifty() {
        ObjectNode ok = event();
        ok.putObject("Metrics").put(repeat('m', 49), 1);
        ObjectNode over = event();
        over.putObject("Metrics").put(repeat('m', 50), 1);
        Decision d = decide(body(ok, over));
        assertEquals(ItemStatus.ACCEPTED, eventStatus(d, "e0"));
        assertOnly(d, "event.metric-key-length", "/BatchItem/ep/Events/e1/Metrics/" + repeat('m', 50));
    }

    @Test
    void oneThousandKilobytesPerEvent() {
        ObjectNode ok = event();
        ok.put("AppTitle", "");
        int base = bytes(ok).length;
        ok.put("AppTitle", repeat('t', 1_000_000 - base));
        assertEquals(1_000_000, bytes(ok).length);
        ObjectNode over = ok.deepCopy();
        over.put("AppTitle", repeat('t', 1_000_001 - base));
        Decision d = decide(body(ok, over));
        assertEquals(ItemStatus.ACCEPTED, eventStatus(d, "e0"));
        assertOnly(d, "event.size", "/BatchItem/ep/Events/e1");
    }

    @Test
    void endpointAttributeNamesUpToFifty() {
        ObjectNode body = body(event());
        endpoint(body).putObject("Attributes").putArray(repeat('n', 50)).add("v");
        assertTrue(decide(body).allAccepted());
        endpoint(body).putObject("Attributes").putArray(repeat('n', 51)).add("v");
        Decision d = decide(body);
        assertOnly(d, "endpoint.attribute-name-length", "/BatchItem/ep/Endpoint/Attributes/" + repeat('n', 51));
        assertEquals(400, endpointStatus(d, "ep").statusCode());
        assertEquals(ItemStatus.ACCEPTED, eventStatus(d, "e0"));
    }

    @Test
    void endpointAttributeValuesUpToOneHundredCharacters() {
        ObjectNode body = body(event());
        endpoint(body).putObject("User").putObject("UserAttributes").putArray("k").add(repeat('v', 100));
        assertTrue(decide(body).allAccepted());
        endpoint(body).putObject("User").putObject("UserAttributes").putArray("k").add(repeat('v', 101));
        assertOnly(decide(body), "endpoint.attribute-value-length", "/BatchItem/ep/Endpoint/User/UserAttributes/k/0");
    }

    @Test
    void endpointAttributesUpToFiftyValues() {
        ObjectNode body = body(event());
        ArrayNode values = endpoint(body).putObject("Attributes").putArray("k");
        for (int i = 0; i < 50; i++) {
            values.add("v" + i);
        }
        assertTrue(decide(body).allAccepted());
        values.add("v50");
        assertOnly(decide(body), "endpoint.attribute-value-count", "/BatchItem/ep/Endpoint/Attributes/k");
    }

    @Test
    void endpointUpToTwoHundredFiftyAttributes() {
        ObjectNode body = body(event());
        ObjectNode attributes = endpoint(body).putObject("Attributes");
        ObjectNode metrics = endpoint(body).putObject("Metrics");
        ObjectNode user = endpoint(body).putObject("User").putObject("UserAttributes");
        for (int i = 0; i < 100; i++) {
            attributes.putArray("a" + i).add("v");
            metrics.put("m" + i, i);
        }
        for (int i = 0; i < 50; i++) {
            user.putArray("u" + i).add("v");
        }
        assertTrue(decide(body).allAccepted());
        user.putArray("u50").add("v");
        assertOnly(decide(body), "endpoint.attribute-count", "/BatchItem/ep/Endpoint");
    }

    @Test
    void endpointUpToFifteenThousandBytes() {
        ObjectNode body = body(event());
        endpoint(body).put("Address", "");
        int base = bytes(endpoint(body)).length;
        endpoint(body).put("Address", repeat('a', 15_000 - base)).put("ChannelType", "CUSTOM");
        int withChannel = bytes(endpoint(body)).length;
        endpoint(body).put("Address", repeat('a', 15_000 - base - (withChannel - 15_000 - 0) - 0));
        assertEquals(15_000, bytes(endpoint(body)).length);
        assertTrue(decide(body).allAccepted());
        endpoint(body).put("Address", endpoint(body).get("Address").stringValue() + "a");
        assertOnly(decide(body), "endpoint.size", "/BatchItem/ep/Endpoint");
    }

    @Test
    void fifteenEndpointsPerUser() {
        ObjectNode body = body();
        ObjectNode batch = (ObjectNode) body.get("BatchItem");
        batch.removeAll();
        for (int i = 1; i <= 16; i++) {
            ObjectNode item = batch.putObject("d" + i);
            item.putObject("Endpoint").putObject("User").put("UserId", "u-1");
            item.putObject("Events").set("e", event());
        }
        Decision d = decide(body);
        for (int i = 1; i <= 15; i++) {
            assertEquals(ItemStatus.ACCEPTED, endpointStatus(d, "d" + i));
        }
        assertEquals(ItemStatus.refused("Exceeded maximum endpoint per user count:15"), endpointStatus(d, "d16"));
        assertOnly(d, "endpoint.user-endpoint-limit", "/BatchItem/d16/Endpoint/User/UserId");
    }

    @Test
    void sessionDurationIsAThirtyTwoBitNonNegativeInteger() {
        ObjectNode max = event();
        max.putObject("Session").put("Id", "s").put("StartTimestamp", Bodies.TS).put("Duration", 2147483647);
        ObjectNode zero = event();
        zero.putObject("Session").put("Id", "s").put("StartTimestamp", Bodies.TS).put("Duration", 0);
        assertTrue(decide(body(max, zero)).allAccepted());

        ObjectNode overflow = event();
        overflow.putObject("Session").put("Id", "s").put("StartTimestamp", Bodies.TS).put("Duration", 2147483648L);
        assertOnly(decide(body(overflow)), "request.type-mismatch", "/BatchItem/ep/Events/e0/Session/Duration");

        ObjectNode negative = event();
        negative.putObject("Session").put("Id", "s").put("StartTimestamp", Bodies.TS).put("Duration", -1);
        assertOnly(decide(body(negative)), "event.session-duration-negative",
                "/BatchItem/ep/Events/e0/Session/Duration");
    }

    @Test
    void sessionDurationEqualsStopMinusStartToTheMillisecond() {
        ObjectNode exact = session(20009);
        ObjectNode under = session(20008);
        ObjectNode over = session(20010);
        Decision d = decide(body(exact, under, over));
        assertEquals(ItemStatus.ACCEPTED, eventStatus(d, "e0"));
        String message = "Session duration in milliseconds must be equal to the difference of start and stop timestamp";
        assertEquals(ItemStatus.refused(message), eventStatus(d, "e1"));
        assertEquals(ItemStatus.refused(message), eventStatus(d, "e2"));
        for (Finding v : d.errors()) {
            assertEquals("event.session-duration-mismatch", v.rule().id());
        }
        assertNull(d.error());
    }

    private static ObjectNode session(int duration) {
        ObjectNode e = event();
        e.putObject("Session").put("Id", "c024eae8").put("StartTimestamp", "2021-05-25T06:09:30.632Z")
                .put("StopTimestamp", "2021-05-25T06:09:50.641Z").put("Duration", duration);
        return e;
    }
}
