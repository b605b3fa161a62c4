package io.github.pinpointevents.junit;

import io.github.pinpointevents.server.RecordedEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The running server as a test sees it: where to point the client, and what it accepted. A Jupiter test gets one
 * as a parameter; {@link PinpointEventsExtension} and {@link PinpointEventsRule} are one themselves.
 */
public interface PinpointEvents {

    /**
     * The base URI to give a client, e.g. {@code endpointOverride(events.endpoint())}.
     *
     * @throws IllegalStateException when no server is running (outside the tests it serves)
     */
    URI endpoint();

    /** The events accepted since the server started or was last cleared, in the order they were recorded. */
    List<RecordedEvent> recordedEvents();

    /** Forgets the recorded events; returns how many there were. */
    int clear();

    /**
     * Waits until at least {@code count} events are recorded, woken by their arrival (no fixed sleep), and returns
     * the recorded events.
     *
     * @throws AssertionError when the timeout passes first, naming how many arrived
     */
    List<RecordedEvent> awaitEvents(int count, Duration timeout);
}
