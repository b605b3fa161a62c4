package io.github.pinpointevents.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server in a JVM of its own at -Xmx256m, whose body budget (a 64th of the heap, at least one largest
 * body) holds one 3.9 MB body: rounds of 64 concurrent 3.9 MB bodies, many times the budget in all, are every one answered, and then
 * the recording API answers too. Bodies answered must give their reservation back: when they did not, the server
 * stopped reading bodies for good once it had answered its budget's worth.
 */
class LargeBodiesTest {

    private static final int ROUNDS = 3;
    private static final int CONCURRENT = 64;

    @Test
    void roundsOfSixtyFourLargeBodiesAreAllAnsweredAtASmallHeap() throws Exception {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ServerMain.class.getName())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            URI endpoint = URI.create(out.readLine().strip());
            byte[] body = largeBody();
            for (int round = 0; round < ROUNDS; round++) {
                List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < CONCURRENT; i++) {
                    answers.add(TestSupport.HTTP.sendAsync(HttpRequest.newBuilder(endpoint.resolve("/v1/apps/app/events"))
                            .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                for (var answer : answers) {
                    HttpResponse<String> r = answer.get(120, TimeUnit.SECONDS);
                    assertEquals(202, r.statusCode(), () -> r.body());
                }
            }
            HttpResponse<String> recorded = TestSupport.HTTP.send(HttpRequest.newBuilder(endpoint.resolve(
                    PinpointEventsServer.RECORDED_EVENTS_PATH + "?limit=1")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, recorded.statusCode());
            assertTrue(server.isAlive(), "the server process died");
        } finally {
            server.destroy();
            assertTrue(server.waitFor(20, TimeUnit.SECONDS));
        }
    }

    /** One event whose one attribute pads the body to 3.9 MB: parsed fast, refused at the event (202 overall). */
    private static byte[] largeBody() {
        String head = "{\"BatchItem\":{\"ep\":{\"Endpoint\":{},\"Events\":{\"e\":{\"EventType\":\"play\","
                + "\"Timestamp\":\"2026-12-01T00:00:00Z\",\"Attributes\":{\"pad\":\"";
        String tail = "\"}}}}}}";
        return (head + "x".repeat(3_900_000 - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    /** Starts a server on a free loopback port and prints its endpoint. */
    public static final class ServerMain {
        public static void main(String[] args) throws Exception {
            PinpointEventsServer server = PinpointEventsServer.builder().build().start();
            System.out.println(server.endpoint());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
