package io.github.pinpointevents.junit;

import io.github.pinpointevents.server.PinpointEventsServer;
import io.github.pinpointevents.server.RecordedEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a {@link PinpointEventsServer} (loopback, a free port) for JUnit Jupiter tests and injects
 * {@link PinpointEvents} parameters. Registered by {@link PinpointEventsTest}, or by a field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static PinpointEventsExtension events = new PinpointEventsExtension();
 * </pre>
 *
 * <p>A static field (or the annotation) starts one server before the class's first test and stops it after the
 * last, {@code @Nested} classes included; an instance field starts one per test. Recorded events are cleared
 * before each test unless {@link #clearBetweenTests(boolean)} says otherwise. Tests of one class that run
 * concurrently share a per-class server, so clearing between them would race: keep them on one thread.
 */
public final class PinpointEventsExtension implements PinpointEvents, BeforeAllCallback, AfterAllCallback,
        BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final ServerSlot slot = new ServerSlot();
    private Boolean clearBetweenTests;   // null: as the annotation says, else true
    private boolean clearing = true;

    /** An extension with the server's defaults that clears recorded events before each test. */
    public PinpointEventsExtension() {
    }

    /**
     * Adjusts the server's settings before each start, e.g. {@code b -> b.applicationIds(Set.of(APP))}; calls
     * add up. The host and port default to 127.0.0.1 and a free port.
     */
    public PinpointEventsExtension configureServer(Consumer<PinpointEventsServer.Builder> configuration) {
        slot.configure(configuration);
        return this;
    }

    /** Whether a per-class server forgets its recorded events before each test (default true). */
    public PinpointEventsExtension clearBetweenTests(boolean clear) {
        this.clearBetweenTests = clear;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (slot.startFor(context.getUniqueId())) {
            clearing = clearBetweenTests != null ? clearBetweenTests
                    : annotation(context.getRequiredTestClass()).map(PinpointEventsTest::clearBetweenTests)
                            .orElse(true);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!slot.startFor(context.getUniqueId()) && clearing) {
            slot.clear();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        slot.stopFor(context.getUniqueId());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        slot.stopFor(context.getUniqueId());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PinpointEvents.class;
    }

    @Override
    public PinpointEvents resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (!slot.running()) {
            throw new ParameterResolutionException("no pinpoint-events server is running for "
                    + parameter.getDeclaringExecutable() + ": an instance field starts one per test only");
        }
        return this;
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

    /** The annotation on the class or, for a {@code @Nested} class, on the nearest enclosing class. */
    private static Optional<PinpointEventsTest> annotation(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<PinpointEventsTest> found = AnnotationSupport.findAnnotation(c, PinpointEventsTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
