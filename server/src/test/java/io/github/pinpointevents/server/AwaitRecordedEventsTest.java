package io.github.pinpointevents.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link PinpointEventsServer#awaitRecordedEvents}: wakes when events arrive, gives up at its timeout. */
class AwaitRecordedEventsTest {

    private static final byte[] TWO_EVENTS = ("{\"BatchItem\":{\"ep-1\":{\"Endpoint\":{},\"Events\":{"
            + "\"e-1\":{\"EventType\":\"play\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\"},"
            + "\"e-2\":{\"EventType\":\"stop\",\"Timestamp\":\"2025-03-14T09:26:54.589Z\"}}}}}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void returnsOnceTheEventsArriveFromAnotherThread() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.awaitRecordedEvents(2, Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertEquals(202, TestSupport.post(server, "/v1/apps/app-1/events", TWO_EVENTS).statusCode());

            assertTrue(waiting.get(30, TimeUnit.SECONDS));
            assertEquals(2, server.recordedEvents().size());
        }
    }

    @Test
    void givesUpAtTheTimeoutWhenTooFewArrive() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            TestSupport.post(server, "/v1/apps/app-1/events", TWO_EVENTS);
            long started = System.nanoTime();

            assertFalse(server.awaitRecordedEvents(3, Duration.ofMillis(200)));

            assertTrue(System.nanoTime() - started >= Duration.ofMillis(200).toNanos());
            assertTrue(server.awaitRecordedEvents(2, Duration.ZERO), "already there: no wait needed");
        }
    }

    @Test
    void aServerNotStartedHasNothingToWaitFor() throws Exception {
        assertFalse(PinpointEventsServer.builder().build().awaitRecordedEvents(1, Duration.ofMillis(1)));
    }
}
