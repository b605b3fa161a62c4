package io.github.pinpointevents.junit;

import io.github.pinpointevents.server.PinpointEventsServer;
import io.github.pinpointevents.server.RecordedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server of one extension or rule: started by the first scope that needs it (a class, or one test) and
 * stopped only by that scope, so a nested scope (a {@code @Nested} class, a test inside a class rule) shares it.
 */
final class ServerSlot implements PinpointEvents {

    private Consumer<PinpointEventsServer.Builder> configuration = builder -> { };
    private PinpointEventsServer server;
    private Object owner;

    void configure(Consumer<PinpointEventsServer.Builder> configuration) {
        this.configuration = this.configuration.andThen(configuration);
    }

    synchronized boolean running() {
        return server != null;
    }

    /** Starts a server owned by {@code scope}, unless one runs already; true when this call started it. */
    synchronized boolean startFor(Object scope) {
        if (server != null) {
            return false;
        }
        PinpointEventsServer.Builder builder = PinpointEventsServer.builder();   // loopback, a free port
        configuration.accept(builder);
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the pinpoint-events server: " + e.getMessage(), e);
        }
        owner = scope;
        return true;
    }

    /** Stops the server if {@code scope} started it. */
    synchronized void stopFor(Object scope) {
        if (server != null && owner.equals(scope)) {
            server.stop();
            server = null;
            owner = null;
        }
    }

    private synchronized PinpointEventsServer server() {
        if (server == null) {
            throw new IllegalStateException("no pinpoint-events server is running here: it runs during the tests"
                    + " of its class (static field, annotation, class rule) or of one test (instance field, rule)");
        }
        return server;
    }

    @Override
    public URI endpoint() {
        return server().endpoint();
    }

    @Override
    public List<RecordedEvent> recordedEvents() {
        return server().recordedEvents();
    }

    @Override
    public int clear() {
        return server().clearRecordedEvents();
    }

    @Override
    public List<RecordedEvent> awaitEvents(int count, Duration timeout) {
        PinpointEventsServer current = server();
        try {
            if (!current.awaitRecordedEvents(count, timeout)) {
                throw new AssertionError("expected at least " + count + " recorded events within " + timeout
                        + ", got " + current.recordedEvents().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + count + " recorded events", e);
        }
        return current.recordedEvents();
    }
}
