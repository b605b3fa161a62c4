package io.github.pinpointevents.core.eventstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mapping from a PutEvents request to event-stream records. {@code documented-example-shape.json} has exactly
 * the members of the "App event example" of
 * https://docs.aws.amazon.com/pinpoint/latest/developerguide/event-streams-data-app.html, with the JSON types shown
 * there (the values are ours).
 */
class EventStreamRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PutEventsValidator VALIDATOR = PutEventsValidator.create(ValidatorConfig.defaults());

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = EventStreamRecordsTest.class.getResourceAsStream("/eventstream/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** Every member's path and JSON type, e.g. {@code /session/start_timestamp -> NUMBER}. */
    private static Map<String, String> shape(JsonNode node, String path, Map<String, String> into) {
        if (node.isObject() && !path.endsWith("/attributes") && !path.endsWith("/metrics")) {
            node.properties().forEach(e -> shape(e.getValue(), path + "/" + e.getKey(), into));
            if (!path.isEmpty()) {
                into.put(path, "OBJECT");
            }
        } else {
            into.put(path, node.getNodeType().name());
        }
        return into;
    }

    private static List<ObjectNode> recordsOf(JsonNode request, long arrival) {
        Decision decision = VALIDATOR.decide(JSON.writeValueAsBytes(request));
        return EventStreamRecords.records("7f0d1b6e2c3a4e5f8a9b0c1d2e3f4a5b", request, decision.response(), arrival);
    }

    @Test
    void theDocumentedExamplesShapePassesTheSchema() throws IOException {
        assertEquals(List.of(), new EventStreamValidator().check(resource("documented-example-shape.json")));
    }

    @Test
    void aMappedRecordHasEveryDocumentedMemberWithItsTypeButTheIdentityPool() throws IOException {
        Map<String, String> documented = shape(resource("documented-example-shape.json"), "", new TreeMap<>());
        ObjectNode record = recordsOf(resource("partly-refused-request.json"), 1_487_973_803_515L).get(0);
        record.remove("endpoint"); // inferred, not in the example
        Map<String, String> mapped = shape(record, "", new TreeMap<>());
        Map<String, String> expected = new TreeMap<>(documented);
        // PutEvents carries no Cognito identity pool: the one documented member a request cannot feed.
        expected.remove("/application/cognito_identity_pool_id");
        assertEquals(expected, mapped);
    }

    @Test
    void membersComeFromTheRequestAsTheMappingSays() throws IOException {
        ObjectNode record = recordsOf(resource("partly-refused-request.json"), 1_487_973_803_515L).get(0);
        assertEquals("_session.stop", record.get("event_type").stringValue());
        assertEquals(1_487_973_802_507L, record.get("event_timestamp").longValue());
        assertEquals(1_487_973_803_515L, record.get("arrival_timestamp").longValue());
        assertEquals("3.0", record.get("event_version").stringValue());
        assertEquals("7f0d1b6e2c3a4e5f8a9b0c1d2e3f4a5b", record.at("/application/app_id").stringValue());
        assertEquals("1.0", record.at("/application/version_name").stringValue());
        assertEquals("1", record.at("/application/version_code").stringValue());
        assertEquals("ep1", record.at("/client/client_id").stringValue());
        assertEquals("US", record.at("/device/locale/country").stringValue());
        assertEquals("en", record.at("/device/locale/language").stringValue());
        assertEquals(1_487_973_202_531L, record.at("/session/start_timestamp").longValue());
        assertEquals("ep1", record.at("/endpoint/Id").stringValue());
    }

    @Test
    void aPartlyRefusedRequestYieldsRecordsOnlyForItsAcceptedEvents() throws IOException {
        JsonNode request = resource("partly-refused-request.json");
        Decision decision = VALIDATOR.decide(JSON.writeValueAsBytes(request));
        assertEquals(400, decision.response().results().get("ep1").eventsItemResponse().get("blank").statusCode());
        List<ObjectNode> records = recordsOf(request, 1L);
        assertEquals(List.of("_session.stop", "purchase"), records.stream()
                .map(r -> r.get("event_type").stringValue()).toList());
        assertEquals("A-1", records.get(1).at("/attributes/sku").stringValue());
        assertEquals(9.5, records.get(1).at("/metrics/price").doubleValue());
        assertFalse(records.get(1).has("session"));
    }

    @Test
    void aRefusedRequestYieldsNoRecord() throws IOException {
        ObjectNode request = (ObjectNode) resource("partly-refused-request.json");
        request.put("Unknown", 1);
        assertTrue(VALIDATOR.decide(JSON.writeValueAsBytes(request)).error() != null);
        assertEquals(List.of(), recordsOf(request, 1L));
    }

    /**
     * Epoch milliseconds beyond a long's range, as the JSON text a producer writes: once "internal error"
     * (networknt's minimum read -1e19 with Jackson 3's asLong(); the session order read a 23-digit integer with
     * longValue()). A negative one breaks the schema's minimum; a positive one is an integer of the schema.
     */
    @Test
    void epochMillisBeyondALongAreJudgedNotThrown() throws IOException {
        String[][] cases = {{"-1e19", "record.schema"}, {"-1.5e300", "record.schema"},
            {"-12345678901234567890123", "record.schema"}, {"1e19", null}, {"12345678901234567890123", null}};
        EventStreamValidator validator = new EventStreamValidator();
        for (String[] c : cases) {
            for (String member : List.of("/event_timestamp", "/arrival_timestamp", "/session/start_timestamp",
                    "/session/stop_timestamp")) {
                ObjectNode record = (ObjectNode) resource("documented-example-shape.json");
                String name = member.substring(member.lastIndexOf('/') + 1);
                ObjectNode parent = (ObjectNode) record.at(member.substring(0, member.lastIndexOf('/')));
                parent.put(name, 0L);
                String text = JSON.writeValueAsString(record).replace("\"" + name + "\":0", "\"" + name + "\":" + c[0]);
                List<String> found = validator.check(JSON.readTree(text)).stream()
                        .map(f -> f.rule().id() + " " + f.pointer()).toList();
                List<String> expected = new ArrayList<>();
                if (c[1] != null) {
                    expected.add(c[1] + " " + member);
                }
                boolean integral = !c[0].contains("e");
                if (integral && (member.endsWith("start_timestamp") == c[0].startsWith("1"))
                        && member.startsWith("/session")) {
                    expected.add("record.session-order /session/stop_timestamp"); // stop before start
                }
                assertEquals(expected, found, c[0] + " at " + member);
            }
        }
    }

    @Test
    void theValidatorNamesWhatIsWrongWithARecord() throws IOException {
        ObjectNode record = (ObjectNode) resource("documented-example-shape.json");
        record.put("eventType", "typo");
        record.put("event_timestamp", "1487973802507");
        ((ObjectNode) record.get("session")).put("stop_timestamp", 1L);
        List<String> found = new ArrayList<>();
        for (Finding f : new EventStreamValidator().check(record)) {
            found.add(f.rule().id() + " " + f.pointer());
        }
        assertEquals(List.of("record.schema /eventType", "record.schema /event_timestamp",
                "record.session-order /session/stop_timestamp"), found.stream().sorted().toList());
    }

    @Test
    void theWriterAppendsOneRecordALineAfterAPartialLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("stream.ndjson");
        Files.writeString(file, "{\"partial\":");
        JsonNode request = resource("partly-refused-request.json");
        byte[] body = JSON.writeValueAsBytes(request);
        try (EventStreamWriter writer = EventStreamWriter.open(file)) {
            assertEquals(2, writer.write("app", body, VALIDATOR.decide(body), Instant.ofEpochMilli(5)));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals("{\"partial\":", lines.get(0));
        assertEquals(5L, JSON.readTree(lines.get(2)).get("arrival_timestamp").longValue());
        assertEquals(List.of(), new EventStreamValidator().check(JSON.readTree(lines.get(1))));
    }
}
