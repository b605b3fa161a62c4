package io.github.pinpointevents.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.junit.examples.SessionEventsRuleExample;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.jupiter.api.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;
import org.junit.runners.MethodSorters;

/**
 * The JUnit 4 rule, run by JUnit 4's own runner ({@link JUnitCore}) from Jupiter tests: the build runs only
 * the Jupiter engine, and the Vintage engine is deprecated in JUnit 6.
 */
class JUnit4RuleTest {

    private static Result run(Class<?> junit4Class) {
        return new JUnitCore().run(junit4Class);
    }

    private static String failures(Result result) {
        return String.join("\n", result.getFailures().stream().map(Failure::toString).toList());
    }

    @Test
    void aClassRuleThatIsAlsoARuleSharesOneServerAndClearsBetweenTests() {
        Result result = run(SessionEventsRuleExample.class);

        assertEquals(2, result.getRunCount());
        assertEquals(0, result.getFailureCount(), failures(result));
        LifecycleTest.assertStopped(SessionEventsRuleExample.events);
    }

    @Test
    void aClassRuleAloneKeepsEventsAcrossTests() {
        Result result = run(ClassRuleOnly.class);

        assertEquals(2, result.getRunCount());
        assertEquals(0, result.getFailureCount(), failures(result));
        assertEquals(1, ClassRuleOnly.ENDPOINTS.stream().distinct().count());
    }

    @Test
    void clearingCanBeTurnedOff() {
        Result result = run(NotClearing.class);

        assertEquals(0, result.getFailureCount(), failures(result));
        assertEquals(2, result.getRunCount());
    }

    @Test
    void aRuleOnAnInstanceFieldStartsAServerForEachTest() {
        Result result = run(PerTest.class);

        assertEquals(2, result.getRunCount());
        assertEquals(0, result.getFailureCount(), failures(result));
        assertEquals(2, PerTest.SEEN.size());
        assertNotSame(PerTest.SEEN.get(0), PerTest.SEEN.get(1));
        PerTest.SEEN.forEach(LifecycleTest::assertStopped);
    }

    @Test
    void aFailingAssertionInsideTheRuleIsReported() {
        Result result = run(Failing.class);

        assertEquals(1, result.getFailureCount());
        assertTrue(failures(result).contains("expected:<0> but was:<1>"), failures(result));
        LifecycleTest.assertStopped(Failing.events);
    }

    @FixMethodOrder(MethodSorters.NAME_ASCENDING)
    public static class ClassRuleOnly {
        static final List<URI> ENDPOINTS = new ArrayList<>();

        @ClassRule
        public static PinpointEventsRule events = new PinpointEventsRule();

        @org.junit.Test
        public void a_sends() {
            ENDPOINTS.add(events.endpoint());
            org.junit.Assert.assertEquals(1, Sdk.send(events.endpoint(), "first"));
        }

        @org.junit.Test
        public void b_stillSeesIt() {
            ENDPOINTS.add(events.endpoint());
            org.junit.Assert.assertEquals(1, events.recordedEvents().size());
        }
    }

    @FixMethodOrder(MethodSorters.NAME_ASCENDING)
    public static class NotClearing {
        @ClassRule
        @Rule
        public static PinpointEventsRule events = new PinpointEventsRule().clearBetweenTests(false);

        @org.junit.Test
        public void a_sends() {
            Sdk.send(events.endpoint(), "first");
        }

        @org.junit.Test
        public void b_stillSeesIt() {
            org.junit.Assert.assertEquals(1, events.recordedEvents().size());
        }
    }

    public static class PerTest {
        static final List<PinpointEventsRule> SEEN = new ArrayList<>();

        @Rule
        public PinpointEventsRule events = new PinpointEventsRule();

        @org.junit.Test
        public void one() {
            check();
        }

        @org.junit.Test
        public void two() {
            check();
        }

        private void check() {
            SEEN.add(events);
            org.junit.Assert.assertEquals(0, events.recordedEvents().size());
            org.junit.Assert.assertEquals(2, Sdk.send(events.endpoint(), "x", "y"));
            org.junit.Assert.assertEquals(2, events.awaitEvents(2, java.time.Duration.ofSeconds(5)).size());
        }
    }

    public static class Failing {
        @ClassRule
        public static PinpointEventsRule events = new PinpointEventsRule();

        @org.junit.Test
        public void expectsNothing() {
            Sdk.send(events.endpoint(), "surprise");
            org.junit.Assert.assertEquals(0, events.recordedEvents().size());
        }
    }
}
