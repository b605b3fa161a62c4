package io.github.pinpointevents.server;

import static io.github.pinpointevents.server.TestSupport.json;
import static io.github.pinpointevents.server.TestSupport.post;
import static io.github.pinpointevents.server.TestSupport.sample;
import static io.github.pinpointevents.server.TestSupport.send;
import static io.github.pinpointevents.server.TestSupport.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The HTTP contract of serve, over a real loopback socket with the JDK's HTTP client. */
class PinpointEventsServerTest {

    private static final String EVENTS = "/v1/apps/app-1/events";
    private static final String ONE_EVENT = "{\"BatchItem\":{\"ep-1\":{\"Endpoint\":{},\"Events\":{\"e-1\":"
            + "{\"EventType\":\"play\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\"}}}}}";

    private PinpointEventsServer server;

    @BeforeEach
    void start() throws IOException {
        server = PinpointEventsServer.builder().build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void anAcceptedRequestGets202WithTheEventsResponseAndIsRecorded() throws Exception {
        HttpResponse<String> r = post(server, EVENTS, ONE_EVENT.getBytes(StandardCharsets.UTF_8));

        assertEquals(202, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        assertRequestId(r);
        assertFalse(r.headers().firstValue("x-amzn-ErrorType").isPresent());
        assertEquals(json("{\"Results\":{\"ep-1\":{\"EndpointItemResponse\":{\"StatusCode\":202,\"Message\":\"Accepted\"},"
                + "\"EventsItemResponse\":{\"e-1\":{\"StatusCode\":202,\"Message\":\"Accepted\"}}}}}"), json(r.body()));
        assertEquals(List.of(new RecordedEvent("app-1", "ep-1", "e-1",
                json("{\"EventType\":\"play\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\"}"))), server.recordedEvents());
    }

    @TestFactory
    Stream<DynamicTest> everySampleGetsTheDecisionOfItsExpectedFile() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Stream.concat(Files.list(sample("valid")), Files.list(sample("invalid")))) {
            files = list.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".expected.json"))
                    .sorted().toList();
        }
        assertTrue(files.size() >= 20, "samples found: " + files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getParent().getFileName() + "/"
                + file.getFileName(), () -> {
                    Path expectedFile = file.resolveSibling(file.getFileName().toString()
                            .replace(".json", ".expected.json"));
                    HttpResponse<String> r = post(server, EVENTS, TestSupport.body(file));
                    assertRequestId(r);
                    if (!Files.exists(expectedFile)) {
                        assertEquals(202, r.statusCode(), r.body());
                        assertTrue(json(r.body()).path("Results").properties().stream().allMatch(item ->
                                item.getValue().findValues("StatusCode").stream().allMatch(c -> c.asInt() == 202)),
                                r.body());
                        return;
                    }
                    JsonNode expected = json(expectedFile);
                    if (expected.has("EventsResponse")) {
                        assertEquals(202, r.statusCode(), r.body());
                        assertEquals(expected.get("EventsResponse"), json(r.body()));
                    } else {
                        JsonNode error = expected.get("Error");
                        assertEquals(error.get("HTTPStatusCode").asInt(), r.statusCode(), r.body());
                        assertEquals(error.get("Code").asString(),
                                r.headers().firstValue("x-amzn-ErrorType").orElseThrow());
                        assertEquals(error.get("Message").asString(), json(r.body()).get("Message").asString());
                    }
                }));
    }

    @Test
    void aWholeRequestErrorHasTheErrorTypeHeaderAndAMessageAndRequestIdBody() throws Exception {
        HttpResponse<String> r = post(server, EVENTS, Files.readAllBytes(sample("invalid/too-many-events.json")));

        assertEquals(400, r.statusCode());
        assertEquals("BadRequestException", r.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = json(r.body());
        assertEquals(List.of("Message", "RequestID"), body.propertyNames().stream().toList());
        assertEquals("Number of events in a request should be at most 100", body.get("Message").asString());
        assertEquals(assertRequestId(r), body.get("RequestID").asString());
        assertEquals(List.of(), server.recordedEvents());
    }

    @Test
    void onlyAcceptedEventsAreRecorded() throws Exception {
        // No EventType on three events: the service (not botocore) judges it, per event.
        HttpResponse<String> r = post(server, EVENTS, Files.readAllBytes(sample("invalid/missing-event-type.json")));

        assertEquals(202, r.statusCode());
        JsonNode events = json(r.body()).at("/Results/1b0a2f3c-4d5e-4f60-8a71-92b3c4d5e6f7/EventsItemResponse");
        assertEquals("Event type cannot be null, empty or blank", events.at("/undefined/Message").asString());
        assertEquals(400, events.at("/undefined/StatusCode").asInt());
        List<RecordedEvent> recorded = server.recordedEvents();
        assertEquals(1, recorded.size());
        assertEquals("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", recorded.get(0).eventId());
        assertEquals("1b0a2f3c-4d5e-4f60-8a71-92b3c4d5e6f7", recorded.get(0).endpointId());
        assertEquals("pageView", recorded.get(0).eventType());
    }

    @Test
    void aStreamedBodyOverFourMegabytesGets413AndTheConnectionStaysUsable() throws Exception {
        // 12 MB, streamed with chunked encoding: the server keeps one byte over the limit and drains the rest.
        long size = 12L * 1024 * 1024;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
            long sent;

            @Override
            public int read() {
                return sent++ < size ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                Arrays.fill(b, off, off + n, (byte) ' ');
                sent += n;
                return n;
            }
        });
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(server, EVENTS)).POST(body));

        assertEquals(413, r.statusCode());
        assertEquals("PayloadTooLargeException", r.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("Request body exceeds the maximum size of 4 MB", json(r.body()).get("Message").asString());
        // The connection is still usable: the next request on the same client is answered.
        assertEquals(202, post(server, EVENTS, ONE_EVENT.getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void exactlyFourMillionBytesIsNotTooLarge() throws Exception {
        byte[] body = new byte[PinpointEventsServer.MAX_BODY_BYTES];
        Arrays.fill(body, (byte) ' ');
        byte[] request = ONE_EVENT.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(request, 0, body, 0, request.length);

        HttpResponse<String> r = post(server, EVENTS, body);

        assertEquals(202, r.statusCode(), r.body());
        assertEquals(1, server.recordedEvents().size());
    }

    @Test
    void malformedJsonIsABadRequestWithTheParserMessage() throws Exception {
        HttpResponse<String> r = post(server, EVENTS, "{\"BatchItem\": ".getBytes(StandardCharsets.UTF_8));

        assertEquals(400, r.statusCode());
        assertEquals("BadRequestException", r.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(json(r.body()).get("Message").asString().startsWith("Unexpected end-of-input"), r.body());
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        for (String path : List.of("/dashboard", "/v2/apps/app-1/events", "/_pinpoint-events/other", "/v1/app")) {
            HttpResponse<String> r = post(server, path, ONE_EVENT.getBytes(StandardCharsets.UTF_8));
            assertEquals(404, r.statusCode(), path);
            assertEquals("NotFoundException", r.headers().firstValue("x-amzn-ErrorType").orElseThrow(), path);
            assertEquals("Resource not found", json(r.body()).get("Message").asString(), path);
            assertEquals(assertRequestId(r), json(r.body()).get("RequestID").asString());
        }
        assertEquals(List.of(), server.recordedEvents());
    }

    @Test
    void otherMethodsOnTheEventsPathAreNotAllowed() throws Exception {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(server, EVENTS))
                    .method(method, HttpRequest.BodyPublishers.ofString(ONE_EVENT)));
            assertEquals(405, r.statusCode(), method);
            assertEquals("MethodNotAllowedException", r.headers().firstValue("x-amzn-ErrorType").orElseThrow());
            assertEquals("POST", r.headers().firstValue("Allow").orElseThrow());
            assertEquals("Method " + method + " is not allowed on /v1/apps/{application-id}/events; use POST",
                    json(r.body()).get("Message").asString());
        }
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri(server, EVENTS))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, head.statusCode());
        assertRequestId(head);
        assertEquals("", head.body());
        assertEquals(List.of(), server.recordedEvents());
    }

    @Test
    void signedRequestsAreAnsweredWithoutCheckingTheSignature() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(server, EVENTS))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=x/20250314/us-east-1/mobiletargeting/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=0000")
                .header("X-Amz-Date", "20000101T000000Z")
                .header("X-Amz-Security-Token", "expired")
                .POST(HttpRequest.BodyPublishers.ofString(ONE_EVENT)));

        assertEquals(202, r.statusCode());
        assertEquals(1, server.recordedEvents().size());
    }

    @Test
    void theApplicationIdIsTheDecodedPathSegment() throws Exception {
        HttpResponse<String> r = post(server, "/v1/apps/my%20app%2Bx+y/events", ONE_EVENT.getBytes(StandardCharsets.UTF_8));

        assertEquals(202, r.statusCode());
        assertEquals("my app+x+y", server.recordedEvents().get(0).applicationId());
    }

    @Test
    void anApplicationIdOutsideTheAllowListIsNotFound() throws Exception {
        try (PinpointEventsServer limited = PinpointEventsServer.builder().applicationIds(Set.of("known")).build()
                .start()) {
            HttpResponse<String> unknown = post(limited, EVENTS, ONE_EVENT.getBytes(StandardCharsets.UTF_8));
            assertEquals(404, unknown.statusCode());
            assertEquals("NotFoundException", unknown.headers().firstValue("x-amzn-ErrorType").orElseThrow());
            assertEquals("Resource not found", json(unknown.body()).get("Message").asString());

            HttpResponse<String> known = post(limited, "/v1/apps/known/events", ONE_EVENT.getBytes(StandardCharsets.UTF_8));
            assertEquals(202, known.statusCode());
            assertEquals(List.of("known"), limited.recordedEvents().stream().map(RecordedEvent::applicationId).toList());
        }
    }

    @Test
    void recordedEventsCanBeReadAndClearedOverHttp() throws Exception {
        post(server, EVENTS, Files.readAllBytes(sample("valid/amplify-js-page-views.json")));
        int count = server.recordedEvents().size();
        assertTrue(count > 1);

        HttpResponse<String> read = send(HttpRequest.newBuilder(uri(server, PinpointEventsServer.RECORDED_EVENTS_PATH)));
        assertEquals(200, read.statusCode());
        assertEquals("application/json", read.headers().firstValue("Content-Type").orElseThrow());
        assertRequestId(read);
        JsonNode list = json(read.body()).get("RecordedEvents");
        assertEquals(count, list.size());
        assertEquals(server.recordedEvents().get(0).toJson(), list.get(0));
        assertEquals(List.of("ApplicationId", "EndpointId", "EventId", "Event"),
                list.get(0).propertyNames().stream().toList());

        HttpResponse<String> notAllowed = post(server, PinpointEventsServer.RECORDED_EVENTS_PATH, new byte[0]);
        assertEquals(405, notAllowed.statusCode());
        assertEquals("GET, DELETE", notAllowed.headers().firstValue("Allow").orElseThrow());

        HttpResponse<String> cleared = send(HttpRequest.newBuilder(uri(server, PinpointEventsServer.RECORDED_EVENTS_PATH))
                .DELETE());
        assertEquals(200, cleared.statusCode());
        assertEquals(json("{\"Cleared\":" + count + "}"), json(cleared.body()));
        assertEquals(List.of(), server.recordedEvents());
        assertEquals(json("{\"RecordedEvents\":[],\"LastSequence\":0,\"Dropped\":0}"), json(send(HttpRequest.newBuilder(
                uri(server, PinpointEventsServer.RECORDED_EVENTS_PATH))).body()));
    }

    @Test
    void recordedEventsAreImmutableCopies() throws Exception {
        post(server, EVENTS, ONE_EVENT.getBytes(StandardCharsets.UTF_8));
        List<RecordedEvent> recorded = server.recordedEvents();

        assertThrows(UnsupportedOperationException.class, () -> recorded.add(recorded.get(0)));
        ((tools.jackson.databind.node.ObjectNode) recorded.get(0).event()).put("EventType", "changed");
        assertEquals("play", server.recordedEvents().get(0).eventType());
        assertEquals(1, server.clearRecordedEvents());
        assertEquals(1, recorded.size());
        assertEquals(List.of(), server.recordedEvents());
    }

    @Test
    void theRecordFileIsAppendedToWithOneWholeLinePerAcceptedEvent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.ndjson");
        // An earlier run's last line was cut short: it is moved to FILE.torn, the file keeps its whole lines.
        Files.writeString(file, "{\"earlier\":1}\n{\"cut\":");
        try (PinpointEventsServer recording = PinpointEventsServer.builder().recordFile(file).build().start()) {
            post(recording, EVENTS, Files.readAllBytes(sample("invalid/missing-event-type.json")));
            post(recording, "/v1/apps/app-2/events", ONE_EVENT.getBytes(StandardCharsets.UTF_8));
            assertEquals(2, recording.recordedEvents().size());
            assertEquals(file, recording.recordFile().orElseThrow());
        }
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\"earlier\":1}\n{\"ApplicationId\""), text);
        assertEquals("{\"cut\":", Files.readString(dir.resolve("events.ndjson.torn")));
        assertTrue(text.endsWith("\n"));
        List<String> lines = text.lines().skip(1).toList();
        assertEquals(2, lines.size());
        RecordedEvent first = RecordedEvent.fromJson(json(lines.get(0)));
        assertEquals("app-1", first.applicationId());
        assertEquals("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", first.eventId());
        assertEquals(new RecordedEvent("app-2", "ep-1", "e-1",
                json("{\"EventType\":\"play\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\"}")),
                RecordedEvent.fromJson(json(lines.get(1))));
    }

    @Test
    void aRecordFileThatCannotBeOpenedFailsStart(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class,
                () -> PinpointEventsServer.builder().recordFile(dir.resolve("missing/dir/x.ndjson")).build().start());
        assertTrue(e.toString().contains("missing/dir/x.ndjson"), e.toString());
    }

    @Test
    void onlyLoopbackHostsUnlessAllowed() {
        for (String host : List.of("127.0.0.1", "127.9.8.7", "::1", "[::1]", "0:0:0:0:0:0:0:1", "localhost",
                "LOCALHOST")) {
            assertTrue(PinpointEventsServer.isLoopback(host), host);
        }
        for (String host : List.of("0.0.0.0", "::", "10.1.2.3", "192.168.0.1", "example.com", "my-host")) {
            assertFalse(PinpointEventsServer.isLoopback(host), host);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PinpointEventsServer.builder().host("0.0.0.0").build().start());
        assertEquals("'0.0.0.0' is not a loopback address (127.0.0.1, ::1, localhost); listening on another"
                + " interface must be allowed explicitly", e.getMessage());
    }

    @Test
    void lifecycle() throws Exception {
        PinpointEventsServer fresh = PinpointEventsServer.builder().build();
        assertThrows(IllegalStateException.class, fresh::port);
        assertEquals(List.of(), fresh.recordedEvents());
        fresh.start();
        assertThrows(IllegalStateException.class, fresh::start);
        assertTrue(fresh.port() > 0);
        assertEquals("http://127.0.0.1:" + fresh.port(), fresh.endpoint().toString());
        assertEquals(202, post(fresh, EVENTS, ONE_EVENT.getBytes(StandardCharsets.UTF_8)).statusCode());
        fresh.stop();
        fresh.stop();
        assertEquals(1, fresh.recordedEvents().size(), "recorded events stay readable after stop");
        assertThrows(IOException.class, () -> post(fresh, EVENTS, ONE_EVENT.getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalStateException.class, fresh::start);
        assertThrows(IllegalArgumentException.class, () -> PinpointEventsServer.builder().port(65536));
    }

    @Test
    void theServerListensOnIpv6LoopbackToo() throws Exception {
        try (PinpointEventsServer v6 = PinpointEventsServer.builder().host("::1").build().start()) {
            assertEquals("http://[0:0:0:0:0:0:0:1]:" + v6.port(), v6.endpoint().toString());
            assertEquals(202, post(v6, EVENTS, ONE_EVENT.getBytes(StandardCharsets.UTF_8)).statusCode());
        } catch (java.net.SocketException e) {
            // A machine without IPv6 on loopback: nothing to test here.
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback: " + e);
        }
    }

    /** Asserts the x-amzn-RequestId header is a UUID and returns it. */
    private static String assertRequestId(HttpResponse<String> r) {
        String id = r.headers().firstValue("x-amzn-RequestId").orElse(null);
        assertNotNull(id, "x-amzn-RequestId on " + r.request().method() + " " + r.uri());
        assertEquals(id, UUID.fromString(id).toString());
        return id;
    }
}
