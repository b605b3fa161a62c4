package io.github.pinpointevents.server;

import static io.github.pinpointevents.server.TestSupport.json;
import static io.github.pinpointevents.server.TestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bodies under 4 MB that pack hundreds of thousands of values the service refuses: the engine's findings are
 * bounded, so each gets its JSON answer, and a normal client sent meanwhile gets its 202.
 */
@Timeout(120)
class ManyRefusedValuesTest {

    private static final byte[] ONE_EVENT = ("{\"BatchItem\":{\"ep-1\":{\"Endpoint\":{},\"Events\":{\"e-1\":"
            + "{\"EventType\":\"play\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\"}}}}}").getBytes(StandardCharsets.UTF_8);

    /** 300,000 endpoints that are numbers, not objects (about 3.5 MB). */
    private static byte[] numbersForEndpoints() {
        StringBuilder b = new StringBuilder(4_000_000).append("{\"BatchItem\":{");
        for (int i = 0; i < 300_000; i++) {
            b.append(i > 0 ? "," : "").append("\"e").append(i).append("\":1");
        }
        return b.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One event whose Attributes are an array of 1,500,000 numbers (about 3 MB). */
    private static byte[] numbersForAttributes() {
        StringBuilder b = new StringBuilder(3_100_000).append("{\"BatchItem\":{\"ep-1\":{\"Endpoint\":{},\"Events\":")
                .append("{\"e-1\":{\"EventType\":\"play\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\",\"Attributes\":[");
        for (int i = 0; i < 1_500_000; i++) {
            b.append(i > 0 ? ",1" : "1");
        }
        return b.append("]}}}}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachGetsItsAnswerAndABystanderIsAnsweredMeanwhile() throws Exception {
        List<byte[]> bodies = List.of(numbersForEndpoints(), numbersForAttributes());
        for (byte[] body : bodies) {
            assertTrue(body.length < 4_000_000, body.length + " bytes");
        }
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            List<CompletableFuture<HttpResponse<String>>> big = bodies.stream()
                    .map(body -> TestSupport.HTTP.sendAsync(HttpRequest.newBuilder(
                            TestSupport.uri(server, "/v1/apps/app-1/events"))
                            .timeout(java.time.Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            long start = System.nanoTime();
            HttpResponse<String> bystander = post(server, "/v1/apps/app-1/events", ONE_EVENT);
            assertEquals(202, bystander.statusCode(), bystander.body());
            long bystanderMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(bystanderMillis < 10_000, "the bystander waited " + bystanderMillis + " ms");
            for (CompletableFuture<HttpResponse<String>> f : big) {
                HttpResponse<String> answer = f.get(60, TimeUnit.SECONDS);
                assertEquals(400, answer.statusCode(), answer.body().substring(0, Math.min(300, answer.body().length())));
                assertTrue(answer.headers().firstValue("x-amzn-ErrorType").isPresent(), answer.headers().toString());
                assertTrue(answer.body().length() < 10_000, answer.body().length() + " chars of answer");
                assertFalse(json(answer.body()).get("Message").asString().isEmpty(), answer.body());
            }
            assertTrue(server.recordedEvents().size() == 1, "only the bystander's event is recorded");
        }
    }
}
