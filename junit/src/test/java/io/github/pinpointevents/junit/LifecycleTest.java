package io.github.pinpointevents.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What happens around a test class, seen from outside it: the example classes below are run with the JUnit
 * Platform launcher (surefire skips nested classes), and their results and servers are checked afterwards.
 */
class LifecycleTest {

    static void assertStopped(PinpointEvents events) {
        IllegalStateException e = assertThrows(IllegalStateException.class, events::endpoint);
        assertTrue(e.getMessage().startsWith("no pinpoint-events server is running here"), e.getMessage());
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build(), listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        List<String> out = new ArrayList<>();
        summary.getFailures().forEach(f -> out.add(f.getTestIdentifier().getDisplayName() + ": "
                + f.getException().getMessage()));
        return String.join("\n", out);
    }

    @Test
    void aStaticFieldServesTheClassAndItsNestedClassesThenStops() {
        TestExecutionSummary summary = run(StaticField.class);

        assertEquals(0, summary.getTotalFailureCount(), failures(summary));
        assertEquals(3, summary.getTestsSucceededCount());
        assertEquals(1, StaticField.ENDPOINTS.stream().distinct().count(), StaticField.ENDPOINTS.toString());
        assertEquals(3, StaticField.ENDPOINTS.size());
        assertStopped(StaticField.events);
    }

    @Test
    void eventsAreKeptBetweenTestsWhenTheAnnotationSaysSo() {
        TestExecutionSummary summary = run(KeepingEvents.class);

        assertEquals(0, summary.getTotalFailureCount(), failures(summary));
        assertEquals(2, summary.getTestsSucceededCount());
    }

    @Test
    void aTestThatCountsOnEventsOfAnEarlierTestFailsWhenTheyAreCleared() {
        TestExecutionSummary summary = run(ClearingEvents.class);

        assertEquals(1, summary.getTestsSucceededCount());
        assertEquals("secondSeesBoth(PinpointEvents): expected: <2> but was: <1>", failures(summary));
    }

    @Test
    void anInstanceFieldIsNotThereYetForBeforeAll() {
        TestExecutionSummary summary = run(InstanceFieldInBeforeAll.class);

        assertEquals(0, summary.getTestsSucceededCount());
        assertTrue(failures(summary).contains("No ParameterResolver registered for parameter"), failures(summary));
    }

    @Test
    void anInstanceFieldOfTheOuterClassServesNestedTests() {
        TestExecutionSummary summary = run(OuterInstanceField.class);

        assertEquals(0, summary.getTotalFailureCount(), failures(summary));
        assertEquals(2, summary.getTestsSucceededCount());
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticField {
        static final List<URI> ENDPOINTS = new ArrayList<>();

        @RegisterExtension
        static PinpointEventsExtension events = new PinpointEventsExtension();

        @Test
        @Order(1)
        void sendsThree() {
            ENDPOINTS.add(events.endpoint());
            assertEquals(3, Sdk.send(events.endpoint(), "a", "b", "c"));
            assertEquals(3, events.recordedEvents().size());
        }

        @Test
        @Order(2)
        void startsEmpty(PinpointEvents injected) {
            ENDPOINTS.add(injected.endpoint());
            assertEquals(0, injected.recordedEvents().size());
            Sdk.send(injected.endpoint(), "d");
        }

        @Nested
        class Inner {
            @Test
            void sharesTheServerAndStartsEmpty(PinpointEvents injected) {
                ENDPOINTS.add(injected.endpoint());
                assertEquals(0, injected.recordedEvents().size());
            }
        }
    }

    @PinpointEventsTest(clearBetweenTests = false)
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class KeepingEvents {
        @Test
        void firstSendsOne(PinpointEvents events) {
            Sdk.send(events.endpoint(), "first");
            assertEquals(1, events.recordedEvents().size());
        }

        @Test
        void secondSeesBoth(PinpointEvents events) {
            Sdk.send(events.endpoint(), "second");
            assertEquals(2, events.recordedEvents().size());
        }
    }

    @PinpointEventsTest
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ClearingEvents {
        @Test
        void firstSendsOne(PinpointEvents events) {
            Sdk.send(events.endpoint(), "first");
            assertEquals(1, events.recordedEvents().size());
        }

        @Test
        void secondSeesBoth(PinpointEvents events) {
            Sdk.send(events.endpoint(), "second");
            assertEquals(2, events.recordedEvents().size());
        }
    }

    static class OuterInstanceField {
        @RegisterExtension
        PinpointEventsExtension events = new PinpointEventsExtension();

        @Test
        void outer(PinpointEvents injected) {
            assertEquals(1, Sdk.send(injected.endpoint(), "outer"));
        }

        @Nested
        class Inner {
            @Test
            void inner(PinpointEvents injected) {
                assertEquals(0, injected.recordedEvents().size());
                assertEquals(1, Sdk.send(injected.endpoint(), "inner"));
            }
        }
    }

    static class InstanceFieldInBeforeAll {
        @RegisterExtension
        PinpointEventsExtension events = new PinpointEventsExtension();

        @BeforeAll
        static void tooEarly(PinpointEvents events) {
            events.endpoint();
        }

        @Test
        void never() {
        }
    }
}
