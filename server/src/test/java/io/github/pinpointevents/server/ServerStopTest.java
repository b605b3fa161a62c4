package io.github.pinpointevents.server;

import static io.github.pinpointevents.server.TestSupport.json;
import static io.github.pinpointevents.server.TestSupport.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server (the JUnit extension does it between test classes): connections a client keeps open but
 * idle, as the JDK's HttpClient and the AWS SDK do, are closed at once rather than waited for, and a request in
 * progress still gets its answer.
 */
class ServerStopTest {

    @Test
    void aStopDoesNotWaitForIdleKeptAliveConnections() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        PinpointEventsServer server = PinpointEventsServer.builder().build().start();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.send(HttpRequest.newBuilder(uri(server, PinpointEventsServer.EVENTS_PATH))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        long start = System.nanoTime();
        server.stop();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("stop with an idle kept-alive connection: " + millis + " ms");
        assertTrue(millis < 900, "stop took " + millis + " ms");
    }

    @Test
    void aStopDoesNotWaitForConnectionsInTheUrlConnectionKeepAliveCache() throws Exception {
        // HttpURLConnection (the AWS SDK's UrlConnectionHttpClient) keeps a read connection open in the JDK's
        // keep-alive cache after the client is closed.
        PinpointEventsServer server = PinpointEventsServer.builder().build().start();
        for (int i = 0; i < 3; i++) {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) uri(server, PinpointEventsServer.EVENTS_PATH)
                    .toURL().openConnection();
            assertEquals(200, c.getResponseCode());
            c.getInputStream().readAllBytes();
            c.getInputStream().close();
        }
        long start = System.nanoTime();
        server.stop();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("stop with a connection in the URLConnection keep-alive cache: " + millis + " ms");
        assertTrue(millis < 900, "stop took " + millis + " ms");
    }

    @Test
    void aRequestInProgressIsAnsweredBeforeTheStopCompletes() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        PinpointEventsServer server = PinpointEventsServer.builder().build().start();
        // A long-poll that times out 800 ms after it starts: in progress when the stop begins.
        CompletableFuture<HttpResponse<String>> poll = client.sendAsync(HttpRequest.newBuilder(uri(server,
                PinpointEventsServer.EVENTS_PATH + "?wait=1&timeout=800")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 200 && server.journalWaiting() == 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, server.journalWaiting(), "the long-poll is waiting");
        server.stop();
        HttpResponse<String> answer = poll.get(10, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer::body);
        assertTrue(json(answer.body()).get("TimedOut").asBoolean(), answer::body);
    }
}
