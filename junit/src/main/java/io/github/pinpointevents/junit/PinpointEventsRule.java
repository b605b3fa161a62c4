package io.github.pinpointevents.junit;

import io.github.pinpointevents.server.PinpointEventsServer;
import io.github.pinpointevents.server.RecordedEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Runs a {@link PinpointEventsServer} (loopback, a free port) around JUnit 4 tests, e.g. Android local unit tests.
 * As a {@code @Rule} instance field: one server per test. As a {@code @ClassRule} static field: one server per
 * class; annotate the same field {@code @Rule} too and recorded events are also cleared before each test:
 *
 * <pre>
 * &#64;ClassRule &#64;Rule
 * public static PinpointEventsRule events = new PinpointEventsRule();
 * </pre>
 */
public final class PinpointEventsRule implements PinpointEvents, TestRule {

    private final ServerSlot slot = new ServerSlot();
    private boolean clearBetweenTests = true;

    /** A rule with the server's defaults that clears recorded events before each test. */
    public PinpointEventsRule() {
    }

    /** Adjusts the server's settings before each start, e.g. {@code b -> b.applicationIds(Set.of(APP))}. */
    public PinpointEventsRule configureServer(Consumer<PinpointEventsServer.Builder> configuration) {
        slot.configure(configuration);
        return this;
    }

    /** Whether a per-class server, applied as a {@code @Rule} too, forgets events before each test (default true). */
    public PinpointEventsRule clearBetweenTests(boolean clear) {
        this.clearBetweenTests = clear;
        return this;
    }

    @Override
    public Statement apply(Statement base, Description description) {
        return new Statement() {
            @Override
            public void evaluate() throws Throwable {
                Object scope = new Object();   // this application of the rule
                if (!slot.startFor(scope) && clearBetweenTests) {
                    slot.clear();   // the class rule's server, now around one test
                }
                try {
                    base.evaluate();
                } finally {
                    slot.stopFor(scope);
                }
            }
        };
    }

    @Override
    public URI endpoint() {
        return slot.endpoint();
    }

    @Override
    public List<RecordedEvent> recordedEvents() {
        return slot.recordedEvents();
    }

    @Override
    public int clear() {
        return slot.clear();
    }

    @Override
    public List<RecordedEvent> awaitEvents(int count, Duration timeout) {
        return slot.awaitEvents(count, timeout);
    }
}
