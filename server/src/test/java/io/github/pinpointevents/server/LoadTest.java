package io.github.pinpointevents.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.internal.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bounded load test on loopback: a fixed number of clients each send a fixed number of PutEvents requests, one
 * after another, then it stops. Nothing may fail and every accepted event must be in the record, in memory and
 * in the record file. Prints requests per second and latency percentiles.
 *
 * <p>The defaults (8 clients x 250 requests x 10 events) keep it to a few seconds on two cores; the decision
 * engine, not HTTP, is most of the cost. A larger run: {@code server/load-test.sh}, or the system properties
 * {@code pinpoint.load.clients}, {@code pinpoint.load.requests} and {@code pinpoint.load.events} (1 to 100).
 */
class LoadTest {

    private static final int CLIENTS = Integer.getInteger("pinpoint.load.clients", 8);
    private static final int REQUESTS = Integer.getInteger("pinpoint.load.requests", 250);
    private static final int EVENTS = Integer.getInteger("pinpoint.load.events", 10);

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void concurrentClientsLoseNothing(@TempDir Path dir) throws Exception {
        assertTrue(EVENTS >= 1 && EVENTS <= 100, "pinpoint.load.events must be 1 to 100");
        Template template = Template.of(TestSupport.sample("valid/amplify-android-100-events.json"), EVENTS);
        Path recordFile = dir.resolve("load.ndjson");
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long[][] latencies = new long[CLIENTS][REQUESTS];

        long elapsed;
        try (PinpointEventsServer server = PinpointEventsServer.builder().recordFile(recordFile)
                .maxEvents(Math.max(1, CLIENTS * REQUESTS * EVENTS)).build().start()) {
            URI uri = server.endpoint().resolve("/v1/apps/load-test/events");
            warmUp(uri, template);
            server.clearRecordedEvents();
            // Forget the warm-up's lines; the server appends (O_APPEND), so its next line lands at the new end.
            Files.write(recordFile, new byte[0]);

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long start = System.nanoTime();
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    running.add(clients.submit(() -> runClient(uri, template, client, latencies[client], failures)));
                }
                for (Future<?> f : running) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } finally {
                clients.shutdownNow();
            }
            elapsed = System.nanoTime() - start;

            assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(10, failures.size())),
                    failures.size() + " failed requests, the first ten shown");
            Set<String> expected = expectedIds();
            // The ring holds the newest events (up to its count and byte bounds); the file, checked below, holds all.
            List<RecordedEvent> recorded = server.recordedEvents();
            assertTrue(!recorded.isEmpty() && recorded.size() <= expected.size(), "recorded " + recorded.size());
            assertTrue(expected.containsAll(recorded.stream().map(RecordedEvent::eventId).toList()));
            RecordedEvent last = recorded.get(recorded.size() - 1);
            assertTrue(last.event().path("EventType").isString(), "a recorded event is the event as sent");
        }

        // The server is stopped and its record file closed: every line whole, every event once.
        List<String> lines = Files.readAllLines(recordFile, StandardCharsets.UTF_8);
        assertEquals(expectedIds().size(), lines.size(), "lines in the record file");
        List<String> ids = lines.stream().map(l -> Json.MAPPER.readTree(l).get("EventId").asString()).toList();
        assertEquals(expectedIds(), new HashSet<>(ids));

        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = elapsed / 1e9;
        System.out.printf(Locale.ROOT, "pinpoint-events serve load: %d clients x %d requests x %d events:"
                        + " %.0f requests/s (%.0f events/s), latency p50 %.2f ms, p99 %.2f ms, max %.2f ms,"
                        + " %.2f s%n", CLIENTS, REQUESTS, EVENTS, all.length / seconds, all.length * EVENTS / seconds,
                percentile(all, 50), percentile(all, 99), all[all.length - 1] / 1e6, seconds);
    }

    private static void runClient(URI uri, Template template, int client, long[] latencies,
            ConcurrentLinkedQueue<String> failures) {
        // One client, one connection (HTTP/1.1 keep-alive), requests one after another, as an SDK's flush would.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int r = 0; r < REQUESTS; r++) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(template.body(client, r))).build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                latencies[r] = System.nanoTime() - t0;
                String problem = check(response, client, r);
                if (problem != null) {
                    failures.add("client " + client + " request " + r + ": " + problem);
                }
            } catch (Exception e) {
                latencies[r] = System.nanoTime() - t0;
                failures.add("client " + client + " request " + r + ": " + e);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Null when the response accepts every event of the request, else what is wrong. */
    private static String check(HttpResponse<String> response, int client, int request) {
        if (response.statusCode() != 202) {
            return "HTTP " + response.statusCode() + " " + response.body();
        }
        JsonNode events = Json.MAPPER.readTree(response.body()).path("Results").path(Template.ENDPOINT_ID)
                .path("EventsItemResponse");
        if (events.size() != EVENTS) {
            return "expected " + EVENTS + " event results: " + response.body();
        }
        for (int i = 0; i < EVENTS; i++) {
            if (events.path(Template.id(client, request, i)).path("StatusCode").asInt() != 202) {
                return "event " + i + " not accepted: " + response.body();
            }
        }
        return null;
    }

    private static void warmUp(URI uri, Template template) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int r = 0; r < 50; r++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(template.body(CLIENTS + 1, r))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, response.statusCode(), response.body());
        }
    }

    private static Set<String> expectedIds() {
        Set<String> ids = new HashSet<>();
        for (int c = 0; c < CLIENTS; c++) {
            for (int r = 0; r < REQUESTS; r++) {
                for (int i = 0; i < EVENTS; i++) {
                    ids.add(Template.id(c, r, i));
                }
            }
        }
        return ids;
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /**
     * The first N events of a real SDK-style batch (amplify-android, one endpoint, one session), with event ids
     * made unique per client, request and position so that every recorded event can be accounted for.
     */
    private record Template(String text, List<ObjectNode> events) {

        static final String ENDPOINT_ID = "load-endpoint";

        static Template of(Path sample, int count) throws Exception {
            JsonNode batch = TestSupport.json(sample).path("BatchItem");
            JsonNode item = batch.properties().iterator().next().getValue();
            List<ObjectNode> events = new ArrayList<>();
            ObjectNode request = Json.MAPPER.createObjectNode();
            ObjectNode endpointItem = request.putObject("BatchItem").putObject(ENDPOINT_ID);
            endpointItem.set("Endpoint", item.get("Endpoint"));
            ObjectNode out = endpointItem.putObject("Events");
            int i = 0;
            for (Map.Entry<String, JsonNode> e : item.get("Events").properties()) {
                if (i == count) {
                    break;
                }
                events.add((ObjectNode) e.getValue());
                out.set("@@" + i++ + "@@", e.getValue());
            }
            assertEquals(count, events.size(), "events in " + sample);
            return new Template(Json.MAPPER.writeValueAsString(request), events);
        }

        static String id(int client, int request, int index) {
            return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", client, request * 1000L + index);
        }

        JsonNode event(int index) {
            return events.get(index);
        }

        byte[] body(int client, int request) {
            String body = text;
            for (int i = 0; i < events.size(); i++) {
                body = body.replace("@@" + i + "@@", id(client, request, i));
            }
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }
}
