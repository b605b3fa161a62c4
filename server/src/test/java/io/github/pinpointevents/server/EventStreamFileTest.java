package io.github.pinpointevents.server;

import static io.github.pinpointevents.server.TestSupport.json;
import static io.github.pinpointevents.server.TestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Builder.eventStreamFile (serve --event-stream): one record per accepted event, kept like the record file. */
class EventStreamFileTest {

    /** Two events of one endpoint; the first is refused (an attribute value over 200 characters). */
    private static final byte[] PARTLY_REFUSED = ("{\"BatchItem\":{\"ep-1\":{\"Endpoint\":{\"Demographic\":"
            + "{\"Locale\":\"de_DE\",\"Platform\":\"ANDROID\"}},\"Events\":{"
            + "\"e-1\":{\"EventType\":\"log\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\",\"Attributes\":{\"m\":\""
            + "x".repeat(201) + "\"}},"
            + "\"e-2\":{\"EventType\":\"play\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\",\"Attributes\":{\"m\":\"ok\"},"
            + "\"Metrics\":{\"n\":2},\"Session\":{\"Id\":\"s-1\",\"StartTimestamp\":\"2025-03-14T09:26:50.000Z\"}}}}}}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void onlyTheAcceptedEventBecomesARecordWithTheRealArrivalTime(@TempDir Path dir) throws Exception {
        Path stream = dir.resolve("stream.ndjson");
        Path record = dir.resolve("record.ndjson");
        try (PinpointEventsServer server = PinpointEventsServer.builder().eventStreamFile(stream).recordFile(record)
                .build().start()) {
            long before = System.currentTimeMillis();
            HttpResponse<String> answer = post(server, "/v1/apps/app-1/events", PARTLY_REFUSED);
            long after = System.currentTimeMillis();
            assertEquals(202, answer.statusCode(), answer.body());
            assertEquals(400, json(answer.body()).at("/Results/ep-1/EventsItemResponse/e-1/StatusCode").asInt());
            // Written before the answer: the file is complete as soon as the 202 is in.
            List<String> lines = Files.readAllLines(stream);
            assertEquals(1, lines.size());
            JsonNode r = json(lines.get(0));
            assertEquals("play", r.get("event_type").asString());
            assertEquals(1741944413589L, r.get("event_timestamp").asLong());
            long arrival = r.get("arrival_timestamp").asLong();
            assertTrue(arrival >= before - 1000 && arrival <= after, arrival + " not in [" + before + ", " + after + "]");
            assertEquals("app-1", r.at("/application/app_id").asString());
            assertEquals("ep-1", r.at("/client/client_id").asString());
            assertEquals("s-1", r.at("/session/session_id").asString());
            assertEquals("ok", r.at("/attributes/m").asString());
            assertEquals(2, r.at("/metrics/n").asInt());
            assertEquals("de_DE", r.at("/device/locale/code").asString());
            assertEquals(1, Files.readAllLines(record).size());   // the record file holds the same one event
            assertEquals(400, post(server, "/v1/apps/app-1/events", "{}".getBytes(StandardCharsets.UTF_8))
                    .statusCode());
            assertEquals(1, Files.readAllLines(stream).size());   // a request refused whole adds nothing
        }
    }

    @Test
    void aTornLastLineIsMovedAsideOnStart(@TempDir Path dir) throws Exception {
        Path stream = dir.resolve("stream.ndjson");
        String whole = "{\"event_type\":\"old\"}\n";
        Files.writeString(stream, whole + "{\"event_type\":\"to");
        try (PinpointEventsServer server = PinpointEventsServer.builder().eventStreamFile(stream).fsync(true).build()
                .start()) {
            assertEquals(whole, Files.readString(stream));
            assertEquals("{\"event_type\":\"to", Files.readString(dir.resolve("stream.ndjson.torn")));
            assertEquals(202, post(server, "/v1/apps/app-1/events", PARTLY_REFUSED).statusCode());
            List<String> lines = Files.readAllLines(stream);
            assertEquals(2, lines.size());
            assertEquals("play", json(lines.get(1)).get("event_type").asString());
        }
    }

    @Test
    void aFileThatCannotBeWrittenGets500NotA202() throws Exception {
        Path full = Path.of("/dev/full");   // every write fails with "No space left on device"
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full");
        try (PinpointEventsServer server = PinpointEventsServer.builder().eventStreamFile(full).build().start()) {
            HttpResponse<String> answer = post(server, "/v1/apps/app-1/events", PARTLY_REFUSED);
            assertEquals(500, answer.statusCode(), answer.body());
            assertEquals("InternalServerErrorException", answer.headers().firstValue("x-amzn-ErrorType").orElse(""));
            assertTrue(json(answer.body()).get("Message").asString()
                    .startsWith("pinpoint-events could not record the accepted events: "), answer.body());
            assertTrue(server.recordedEvents().isEmpty());   // the ring holds nothing the files lack
        }
    }
}
