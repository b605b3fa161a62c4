package io.github.pinpointevents.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

@PinpointEventsTest
class AwaitEventsTest {

    @Test
    void failsAtTheTimeoutNamingHowManyArrived(PinpointEvents events) {
        Sdk.send(events.endpoint(), "only-one");
        long started = System.nanoTime();

        AssertionError e = assertThrows(AssertionError.class, () -> events.awaitEvents(2, Duration.ofMillis(300)));

        assertEquals("expected at least 2 recorded events within PT0.3S, got 1", e.getMessage());
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(300).toNanos());
    }

    @Test
    void returnsAtOnceWhenTheEventsAreThere(PinpointEvents events) {
        Sdk.send(events.endpoint(), "one", "two");

        assertEquals(2, events.awaitEvents(2, Duration.ZERO).size());
    }

    @Test
    void clearReturnsHowManyItForgot(PinpointEvents events) {
        Sdk.send(events.endpoint(), "one", "two", "three");

        assertEquals(3, events.clear());
        assertEquals(0, events.recordedEvents().size());
    }
}
