package io.github.pinpointevents.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pinpointevents.core.JsonCodec;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The record line and the journal entry are spliced from bytes written once per request; they must be the
 * bytes the trees would have given ({@code JsonCodec.write} of {@link RecordedEvent#toJson()} and of the entry).
 */
class RecordLineTest {

    /** Ids with what JSON must escape: quotes, backslashes, control characters, non-ASCII, an emoji. */
    private static final String[] AWKWARD = {"ep-1", "a\"b", "back\\slash", "tab\there", "nl\nx", "\u0001\u001f",
        "caf\u00e9", "\u65e5\u672c", "\ud83d\ude00", "</script>", "\u2028", ""};

    @Test
    void recordLineIsTheTreesSerialization() {
        Random random = new Random(3);
        JsonNode event = JsonCodec.read(("{\"EventType\":\"play\",\"Attributes\":{\"q\\\"\":\"\\u00e9\\n\"},"
                + "\"Metrics\":{\"m\":1.5e3},\"Timestamp\":\"2026-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 200; i++) {
            String app = AWKWARD[random.nextInt(AWKWARD.length)];
            String endpoint = AWKWARD[random.nextInt(AWKWARD.length)] + i;
            String id = AWKWARD[random.nextInt(AWKWARD.length)];
            byte[] expected = JsonCodec.write(new RecordedEvent(app, endpoint, id, event).toJson());
            assertArrayEquals(expected, RecordedEvent.line(RecordedEvent.quoted(app),
                    RecordedEvent.quoted(endpoint), id, JsonCodec.write(event)),
                    () -> new String(expected, StandardCharsets.UTF_8));
        }
    }

    @Test
    void writeEachGivesWhatWriteGives() throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        try (var files = Files.list(TestSupport.repoRoot().resolve("samples/valid"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode body = JsonCodec.read(Files.readAllBytes(f));
                nodes.add(body);
                body.path("BatchItem").values().forEach(item -> item.path("Events").values().forEach(nodes::add));
            }
        }
        nodes.add(JsonCodec.read("[1,\"x\",null,{}]".getBytes(StandardCharsets.UTF_8)));
        nodes.add(JsonCodec.read("42".getBytes(StandardCharsets.UTF_8)));
        List<byte[]> each = JsonCodec.writeEach(nodes);
        assertEquals(nodes.size(), each.size());
        for (int i = 0; i < nodes.size(); i++) {
            assertArrayEquals(JsonCodec.write(nodes.get(i)), each.get(i), "node " + i);
        }
    }

    @Test
    void journalEntriesKeepTheirMembers() {
        byte[] body = ("{\"BatchItem\":{\"e\\\"p\":{\"Endpoint\":{},\"Events\":{\"ok\":{\"EventType\":\"play\","
                + "\"Timestamp\":\"2026-12-01T00:00:00Z\",\"Session\":{\"Id\":\"s1\","
                + "\"StartTimestamp\":\"2026-12-01T00:00:00Z\"}},\"bad\":{\"Timestamp\":"
                + "\"2026-12-01T00:00:00Z\"}}}}}").getBytes(StandardCharsets.UTF_8);
        PutEventsValidator validator = PutEventsValidator.create(ValidatorConfig.defaults());
        List<Verdicts.Draft> drafts = Verdicts.of("app", "req-1", body, validator.decideRequest(body));
        Journal journal = new Journal(100);
        journal.add(drafts);
        List<JournalEntry> entries = journal.find(JournalQuery.ALL);
        assertEquals(2, entries.size());
        JsonNode ok = JsonCodec.read(entries.get(0).json());
        assertEquals(1, ok.get("Sequence").asLong());
        assertEquals("e\"p", ok.get("EndpointId").asString());
        assertEquals("s1", ok.get("SessionId").asString());
        assertEquals(202, ok.get("StatusCode").asInt());
        assertEquals("play", ok.at("/Event/EventType").asString());
        assertArrayEquals(JsonCodec.write(ok.get("Event")), drafts.get(0).event());
        JsonNode bad = JsonCodec.read(entries.get(1).json());
        assertEquals(400, bad.get("StatusCode").asInt());
        assertEquals(false, drafts.get(1).acceptedEvent());
        assertEquals("event.event-type-blank", bad.at("/Rule/Id").asString());
    }
}
