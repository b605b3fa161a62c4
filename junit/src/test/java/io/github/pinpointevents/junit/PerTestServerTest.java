package io.github.pinpointevents.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance field: a server of its own for each test, stopped after it. */
class PerTestServerTest {

    static final List<PinpointEventsExtension> SEEN = new ArrayList<>();

    @RegisterExtension
    PinpointEventsExtension events = new PinpointEventsExtension();

    @RepeatedTest(3)
    void eachTestHasItsOwnEmptyServer(PinpointEvents injected) {
        assertEquals(events, injected);
        assertEquals(List.of(), events.recordedEvents());
        assertEquals(2, Sdk.send(events.endpoint(), "level.up", "level.down"));
        assertEquals(2, events.recordedEvents().size());
        SEEN.add(events);
    }

    @AfterAll
    static void everyServerWasStopped() {
        assertEquals(3, SEEN.size());
        assertNotSame(SEEN.get(0), SEEN.get(1));
        for (PinpointEventsExtension seen : SEEN) {
            LifecycleTest.assertStopped(seen);
        }
    }
}
