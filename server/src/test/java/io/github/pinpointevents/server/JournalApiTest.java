package io.github.pinpointevents.server;

import static io.github.pinpointevents.server.TestSupport.HTTP;
import static io.github.pinpointevents.server.TestSupport.body;
import static io.github.pinpointevents.server.TestSupport.json;
import static io.github.pinpointevents.server.TestSupport.post;
import static io.github.pinpointevents.server.TestSupport.sample;
import static io.github.pinpointevents.server.TestSupport.send;
import static io.github.pinpointevents.server.TestSupport.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The journal's query API, long-poll, stream and clearing (docs/dashboard.md). */
class JournalApiTest {

    private static final String MISMATCH =
            "Session duration in milliseconds must be equal to the difference of start and stop timestamp";

    private static byte[] event(String endpoint, String eventId, String type, String session) {
        String s = session == null ? "" : ",\"Session\":{\"Id\":\"" + session
                + "\",\"StartTimestamp\":\"2025-03-14T09:26:53.589Z\"}";
        return ("{\"BatchItem\":{\"" + endpoint + "\":{\"Endpoint\":{},\"Events\":{\"" + eventId
                + "\":{\"EventType\":\"" + type + "\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\"" + s + "}}}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode get(PinpointEventsServer server, String query) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(server, PinpointEventsServer.EVENTS_PATH + query)));
        assertEquals(200, r.statusCode(), r::body);
        return json(r.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("Events").forEach(e -> out.add(e.get("EventId").isNull() ? "request"
                : e.get("EventId").asString()));
        return out;
    }

    @Test
    void refusedEventsAndRequestsAreKeptWithTheServicesMessageAndTheRuleBehindIt() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            assertEquals(202, post(server, "/v1/apps/app-1/events",
                    body(sample("invalid/session-duration-mismatch.json"))).statusCode());
            assertEquals(400, post(server, "/v1/apps/app-1/events",
                    body(sample("invalid/malformed-json.json"))).statusCode());
            assertEquals(413, post(server, "/v1/apps/app-1/events",
                    new byte[PinpointEventsServer.MAX_BODY_BYTES + 1]).statusCode());

            JsonNode page = get(server, "?status=refused");
            assertEquals(3, page.get("Events").size(), page::toString);
            JsonNode refused = page.get("Events").get(0);
            assertEquals("event", refused.get("Kind").asString());
            assertEquals(400, refused.get("StatusCode").asInt());
            assertEquals(MISMATCH, refused.get("Message").asString());
            assertEquals("event.session-duration-mismatch", refused.get("Rule").get("Id").asString());
            assertEquals("observed", refused.get("Rule").get("Provenance").asString());
            assertTrue(refused.get("Rule").get("Source").asString().contains("DavidWells/analytics"));
            assertEquals("c024eae8-6f0b-4c1d-9a2e-3b4c5d6e7f80", refused.get("SessionId").asString());
            assertEquals(20008, refused.get("Event").get("Session").get("Duration").asInt());

            JsonNode malformed = page.get("Events").get(1);
            assertEquals("request", malformed.get("Kind").asString());
            assertEquals(400, malformed.get("StatusCode").asInt());
            assertEquals(json(java.nio.file.Files.readString(sample("invalid/malformed-json.expected.json")))
                    .get("Error").get("Message").asString(), malformed.get("Message").asString());
            assertTrue(malformed.has("BodyExcerpt"), malformed::toString);

            JsonNode large = page.get("Events").get(2);
            assertEquals(413, large.get("StatusCode").asInt());
            assertEquals("request.payload-too-large", large.get("Rule").get("Id").asString());
            assertEquals(0, get(server, "?status=202").get("Events").size());
            assertEquals(1, get(server, "?status=413").get("Events").size());
        }
    }

    @Test
    void eachFilterSelectsItsEntries() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            post(server, "/v1/apps/app-1/events", event("ep-1", "a", "play", "s-1"));
            post(server, "/v1/apps/app-1/events", event("ep-2", "b", "pause", "s-1"));
            post(server, "/v1/apps/app-2/events", event("ep-1", "c", "play", "s-2"));
            post(server, "/v1/apps/app-2/events", event("ep-1", "d", "", null));   // refused: blank type

            assertEquals(List.of("a", "b", "c", "d"), ids(get(server, "")));
            assertEquals(List.of("c", "d"), ids(get(server, "?applicationId=app-2")));
            assertEquals(List.of("b"), ids(get(server, "?endpointId=ep-2")));
            assertEquals(List.of("a", "c"), ids(get(server, "?eventType=play")));
            assertEquals(List.of("a", "b"), ids(get(server, "?sessionId=s-1")));
            assertEquals(List.of("d"), ids(get(server, "?status=refused")));
            assertEquals(List.of("a", "b", "c"), ids(get(server, "?status=accepted")));
            assertEquals(List.of("a"), ids(get(server, "?applicationId=app-1&eventType=play")));
            assertEquals(List.of("a", "b"), ids(get(server, "?limit=2")));
            assertEquals(List.of("c", "d"), ids(get(server, "?limit=2&latest=true")));
            assertEquals(List.of("c", "d"), ids(get(server, "?after=2")));
            assertEquals(List.of(), ids(get(server, "?since=2999-01-01T00:00:00Z")));
            assertEquals(List.of("a", "b", "c", "d"), ids(get(server, "?since=2000-01-01T00:00:00Z")));
            assertEquals("event.event-type-blank",
                    get(server, "?status=400").get("Events").get(0).get("Rule").get("Id").asString());

            HttpResponse<String> bad = send(HttpRequest.newBuilder(uri(server,
                    PinpointEventsServer.EVENTS_PATH + "?limit=lots")));
            assertEquals(400, bad.statusCode());
            assertEquals("limit must be a whole number from 0 to 10000, not 'lots'",
                    json(bad.body()).get("Message").asString());
            assertEquals(400, send(HttpRequest.newBuilder(uri(server,
                    PinpointEventsServer.EVENTS_PATH + "?since=yesterday"))).statusCode());
        }
    }

    @Test
    void aLongPollReturnsAsSoonAsEnoughEventsArriveAndOtherwiseTimesOut() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> waiting = HTTP.sendAsync(HttpRequest.newBuilder(uri(server,
                    PinpointEventsServer.EVENTS_PATH + "?eventType=play&wait=2&timeout=20000")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            assertFalse(waiting.isDone(), "answered before any event arrived");
            post(server, "/v1/apps/app-1/events", event("ep-1", "a", "play", null));
            post(server, "/v1/apps/app-1/events", event("ep-1", "b", "pause", null));
            Thread.sleep(200);
            assertFalse(waiting.isDone(), "answered after one of the two events");
            post(server, "/v1/apps/app-1/events", event("ep-1", "c", "play", null));
            HttpResponse<String> answered = waiting.get(10, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 10_000, "took " + millis + " ms");
            JsonNode page = json(answered.body());
            assertFalse(page.get("TimedOut").asBoolean());
            assertEquals(List.of("a", "c"), ids(page));

            start = System.nanoTime();
            JsonNode timedOut = get(server, "?eventType=stop&wait=1&timeout=400");
            millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(timedOut.get("TimedOut").asBoolean());
            assertEquals(0, timedOut.get("Events").size());
            assertTrue(millis >= 390 && millis < 5_000, "took " + millis + " ms");

            // A wait the journal already satisfies answers at once.
            assertFalse(get(server, "?wait=3&timeout=30000").get("TimedOut").asBoolean());
            assertEquals(400, send(HttpRequest.newBuilder(uri(server,
                    PinpointEventsServer.EVENTS_PATH + "?wait=1&timeout=600001"))).statusCode());
        }
    }

    @Test
    void aLongPollOutlastsTheIdleTimeout() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().idleTimeout(Duration.ofMillis(500)).build()
                .start()) {
            JsonNode page = get(server, "?wait=1&timeout=1500");
            assertTrue(page.get("TimedOut").asBoolean(), page::toString);
        }
    }

    @Test
    void waitersAreBoundedAndTheNextOneIsAnswered503() throws Exception {
        // A client of its own: the shared one's connections and executor are used by the build's earlier tests.
        HttpClient waiters = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < Journal.MAX_WAITERS; i++) {
                waiting.add(waiters.sendAsync(HttpRequest.newBuilder(uri(server,
                        PinpointEventsServer.EVENTS_PATH + "?wait=1&timeout=40000")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            // The 64 connections can take seconds to open on a loaded 2-core machine. Probing with a long-poll of
            // its own before they are all in would race them: a probe waiting at that moment makes the 64th one
            // the refused one, and no later probe is refused.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (server.journalWaiting() < Journal.MAX_WAITERS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(Journal.MAX_WAITERS, server.journalWaiting(), () -> "long-polls waiting; "
                    + waiting.stream().filter(CompletableFuture::isDone).count() + " of the waits had ended: "
                    + waiting.stream().filter(CompletableFuture::isDone).limit(3).map(f -> f.handle((r, e) ->
                            e != null ? e.toString() : r.statusCode() + " " + r.body()).join()).toList());
            HttpResponse<String> refused = send(HttpRequest.newBuilder(uri(server,
                    PinpointEventsServer.EVENTS_PATH + "?wait=1&timeout=1")));
            assertEquals(503, refused.statusCode(), refused::body);
            assertEquals(Journal.MAX_WAITERS + " long-polls are already waiting; try again when one has returned",
                    json(refused.body()).get("Message").asString());
            assertEquals(200, send(HttpRequest.newBuilder(uri(server, PinpointEventsServer.EVENTS_PATH)))
                    .statusCode());
            post(server, "/v1/apps/app-1/events", event("ep-1", "a", "play", null));   // wakes them all
            for (var w : waiting) {
                JsonNode page = json(w.get(20, TimeUnit.SECONDS).body());
                assertFalse(page.get("TimedOut").asBoolean());
            }
        }
    }

    @Test
    void theJournalIsARingBoundedByMaxEvents() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().maxEvents(3).build().start()) {
            for (int i = 0; i < 5; i++) {
                post(server, "/v1/apps/app-1/events", event("ep-1", "e-" + i, i % 2 == 0 ? "play" : "", null));
            }
            JsonNode page = get(server, "");
            assertEquals(List.of("e-2", "e-3", "e-4"), ids(page));
            assertEquals(2, page.get("Dropped").asLong());
            assertEquals(5, page.get("LastSequence").asLong());
        }
    }

    @Test
    void theStreamSendsEntriesAsTheyArriveAndClearing() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            post(server, "/v1/apps/app-1/events", event("ep-1", "old", "play", null));
            HttpResponse<java.io.InputStream> stream = HTTP.send(HttpRequest.newBuilder(uri(server,
                    PinpointEventsServer.STREAM_PATH + "?after=0")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, stream.statusCode());
            assertTrue(stream.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                assertEquals("id: 1", next(lines, "id: "));
                assertEquals("old", json(next(lines, "data: ").substring(6)).get("EventId").asString());
                post(server, "/v1/apps/app-1/events", event("ep-1", "new", "", null));
                assertEquals("id: 2", next(lines, "id: "));
                assertEquals("event: entry", next(lines, "event: "));
                JsonNode entry = json(next(lines, "data: ").substring(6));
                assertEquals("new", entry.get("EventId").asString());
                assertEquals("event.event-type-blank", entry.get("Rule").get("Id").asString());

                HttpResponse<String> cleared = send(HttpRequest.newBuilder(uri(server,
                        PinpointEventsServer.EVENTS_PATH)).DELETE());
                assertEquals(2, json(cleared.body()).get("Cleared").asInt());
                assertEquals("event: clear", next(lines, "event: "));
                assertEquals("data: {\"Cleared\":2}", next(lines, "data: "));
            }
            assertEquals(0, get(server, "").get("Events").size());
            assertEquals(0, server.recordedEvents().size());
            post(server, "/v1/apps/app-1/events", event("ep-1", "x", "play", null));
            assertEquals(1, json(post(server, "/_pinpoint-events/clear", new byte[0]).body()).get("Cleared").asInt());
            assertEquals(405, send(HttpRequest.newBuilder(uri(server, "/_pinpoint-events/clear"))).statusCode());
        }
    }

    @Test
    void aBacklogLargerThanAReaderMayFallBehindIsStreamedWhole() throws Exception {
        // 1,200 events of about 9 KB: a backlog of some 11 MB, more than EventStream.MAX_PENDING (8 MB), which
        // a reader must still get whole, oldest first, and then the entries that come after it.
        StringBuilder attributes = new StringBuilder();
        for (int a = 0; a < 40; a++) {
            attributes.append(a == 0 ? "" : ",").append("\"a").append(a).append("\":\"").append("v".repeat(190))
                    .append('"');
        }
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            for (int r = 0; r < 12; r++) {
                StringBuilder events = new StringBuilder();
                for (int e = 0; e < 100; e++) {
                    events.append(e == 0 ? "" : ",").append("\"e-").append(r * 100 + e).append("\":{\"EventType\":"
                            + "\"play\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\",\"Attributes\":{")
                            .append(attributes).append("}}");
                }
                assertEquals(202, post(server, "/v1/apps/app-1/events", ("{\"BatchItem\":{\"ep-1\":{\"Endpoint\":{},"
                        + "\"Events\":{" + events + "}}}}").getBytes(StandardCharsets.UTF_8)).statusCode());
            }
            HttpResponse<java.io.InputStream> stream = HTTP.send(HttpRequest.newBuilder(uri(server,
                    PinpointEventsServer.STREAM_PATH)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            List<Long> ids = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                while (ids.size() < 1_201) {
                    String line = lines.readLine();
                    if (line == null) {
                        throw new AssertionError("the stream ended after " + ids.size() + " entries");
                    }
                    bytes += line.length() + 1;
                    if (line.startsWith("id: ")) {
                        ids.add(Long.parseLong(line.substring(4)));
                        if (ids.size() == 1_200) {
                            post(server, "/v1/apps/app-1/events", event("ep-1", "after", "play", null));
                        }
                    }
                }
            }
            assertTrue(bytes > EventStream.MAX_PENDING, "the backlog was " + bytes + " bytes");
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(i + 1, ids.get(i), "entries in order, each once");
            }
        }
    }

    @Test
    void endpointCallsAreEntriesOfTheirOwnKindThatEventQueriesLeaveOut() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            String path = "/v1/apps/app-1/endpoints/";
            assertEquals(202, send(HttpRequest.newBuilder(uri(server, path + "ep-1")).PUT(HttpRequest.BodyPublishers
                    .ofString("{\"ChannelType\":\"GCM\",\"Address\":\"token-1\"}"))).statusCode());
            HttpResponse<String> refused = send(HttpRequest.newBuilder(uri(server, path + "ep-2"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"OptOut\":\"NONE\"}")));
            assertEquals(400, refused.statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(uri(server, path + "ep-1"))).statusCode());
            assertEquals(404, send(HttpRequest.newBuilder(uri(server, path + "ep-2"))).statusCode());
            post(server, "/v1/apps/app-1/events", event("ep-1", "e-1", "play", null));

            // Queries for events keep their results: the default is the PutEvents journal.
            assertEquals(List.of("e-1"), ids(get(server, "")));
            assertEquals(List.of("e-1"), ids(get(server, "?endpointId=ep-1")));
            assertEquals(0, get(server, "?status=refused").get("Events").size());

            JsonNode calls = get(server, "?kind=endpoint").get("Events");
            assertEquals(4, calls.size());
            List<String> seen = new ArrayList<>();
            calls.forEach(c -> seen.add(c.get("Kind").asString() + " " + c.get("Operation").asString() + " "
                    + c.get("EndpointId").asString() + " " + c.get("StatusCode").asInt() + " "
                    + c.get("Message").asString()));
            assertEquals(List.of("endpoint UpdateEndpoint ep-1 202 Accepted",
                    "endpoint UpdateEndpoint ep-2 400 " + EndpointRequestCheck.MISSING_ADDRESS,
                    "endpoint GetEndpoint ep-1 200 OK", "endpoint GetEndpoint ep-2 404 Resource not found"), seen);
            assertEquals(EndpointRequestCheck.MISSING_ADDRESS, json(refused.body()).get("Message").asString());
            assertEquals("token-1", calls.get(0).get("Body").get("Address").asString());
            assertEquals("NONE", calls.get(1).get("Body").get("OptOut").asString());
            assertEquals("token-1", calls.get(2).get("Response").get("Address").asString());
            assertTrue(calls.get(3).get("Response").isNull());
            assertEquals(5, get(server, "?kind=all").get("Events").size());
            assertEquals(5, get(server, "?kind=event,endpoint").get("Events").size());
            assertEquals(2, get(server, "?kind=endpoint&status=refused").get("Events").size());
            assertEquals(2, get(server, "?kind=endpoint&status=accepted").get("Events").size());
            assertEquals(2, get(server, "?kind=endpoint&endpointId=ep-2").get("Events").size());
            JsonNode waited = get(server, "?kind=endpoint&status=404&wait=1&timeout=5000");
            assertFalse(waited.get("TimedOut").asBoolean());

            HttpResponse<String> bad = send(HttpRequest.newBuilder(uri(server, PinpointEventsServer.EVENTS_PATH
                    + "?kind=calls")));
            assertEquals(400, bad.statusCode());
            assertEquals("kind must be all, or event, request and endpoint separated by commas, not 'calls'",
                    json(bad.body()).get("Message").asString());

            // The stream pushes them like any other entry.
            HttpResponse<java.io.InputStream> stream = HTTP.send(HttpRequest.newBuilder(uri(server,
                    PinpointEventsServer.STREAM_PATH)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                JsonNode first = json(next(lines, "data: ").substring(6));
                assertEquals("UpdateEndpoint", first.get("Operation").asString());
            }
        }
    }

    @Test
    void thePageIsServedWholeAndFetchesNothingFromElsewhere() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(uri(server, "/")));
            assertEquals(200, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElse(""));
            assertTrue(page.body().contains("<title>pinpoint-events dashboard</title>"));
            assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "references another origin");
            assertTrue(page.headers().firstValue("content-security-policy").orElse("").startsWith("default-src 'self'"));
        }
    }

    /** The next line starting with {@code prefix} (others, such as keep-alive comments, are skipped). */
    private static String next(BufferedReader lines, String prefix) throws Exception {
        for (int i = 0; i < 1_000; i++) {
            String line = lines.readLine();
            if (line == null) {
                throw new AssertionError("the stream ended before a line starting with " + prefix);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }
}
