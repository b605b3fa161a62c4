package io.github.pinpointevents.server;

import static io.github.pinpointevents.server.TestSupport.json;
import static io.github.pinpointevents.server.TestSupport.post;
import static io.github.pinpointevents.server.TestSupport.send;
import static io.github.pinpointevents.server.TestSupport.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The bounded ring of recent events, its query API, and the record file's recovery and batching. */
class RecordRetentionTest {

    private static byte[] events(int first, int count) {
        StringBuilder b = new StringBuilder("{\"BatchItem\":{\"ep-1\":{\"Endpoint\":{},\"Events\":{");
        for (int i = first; i < first + count; i++) {
            b.append(i > first ? "," : "").append("\"e-").append(i)
                    .append("\":{\"EventType\":\"play\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\"}");
        }
        return b.append("}}}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theRingKeepsTheNewestEventsAndCountsTheDroppedOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.ndjson");
        try (PinpointEventsServer server = PinpointEventsServer.builder().maxEvents(3).recordFile(file).build()
                .start()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(202, post(server, "/v1/apps/app-1/events", events(i, 1)).statusCode());
            }
            assertEquals(List.of("e-2", "e-3", "e-4"),
                    server.recordedEvents().stream().map(RecordedEvent::eventId).toList());
            JsonNode page = json(send(HttpRequest.newBuilder(uri(server,
                    PinpointEventsServer.RECORDED_EVENTS_PATH + "?after=3&limit=1"))).body());
            assertEquals(1, page.get("RecordedEvents").size());
            assertEquals("e-3", page.get("RecordedEvents").get(0).get("EventId").asString());
            assertEquals(4, page.get("LastSequence").asLong());
            assertEquals(2, page.get("Dropped").asLong());
        }
        assertEquals(5, Files.readAllLines(file).size());   // the file keeps every event
    }

    @Test
    void aTornLastLineIsMovedAsideAndARequestsEventsAreWrittenTogether(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.ndjson");
        String whole = "{\"ApplicationId\":\"a\",\"EndpointId\":\"e\",\"EventId\":\"x\",\"Event\":{}}\n";
        Files.writeString(file, whole + "{\"ApplicationId\":\"a\",\"Endpoi");
        try (PinpointEventsServer server = PinpointEventsServer.builder().recordFile(file).fsync(true).build()
                .start()) {
            assertEquals(whole, Files.readString(file));
            assertEquals("{\"ApplicationId\":\"a\",\"Endpoi", Files.readString(dir.resolve("events.ndjson.torn")));
            assertEquals(202, post(server, "/v1/apps/app-1/events", events(0, 100)).statusCode());
            // The answer came after the whole batch was in the file.
            List<String> lines = Files.readAllLines(file);
            assertEquals(101, lines.size());
            assertEquals("e-99", json(lines.get(100)).get("EventId").asString());
        }
        try (PinpointEventsServer again = PinpointEventsServer.builder().recordFile(file).build().start()) {
            assertFalse(Files.readString(dir.resolve("events.ndjson.torn")).isEmpty());   // kept: nothing new torn
            assertEquals(101, Files.readAllLines(file).size());
        }
    }
}
