package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.result.ItemStatus;
import io.github.pinpointevents.core.rules.request.TooManyContainersRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bodies that fire one rule hundreds of thousands of times: the decision lists at most
 * {@link Decision#MAX_LISTED} findings of each severity (and the first of every rule that fired), counts the
 * rest, and still answers exactly.
 */
class FindingBombTest {

    private final PutEventsValidator validator = PutEventsValidator.create(ValidatorConfig.builder().build());

    /** One endpoint whose user attribute holds {@code count} numbers where strings belong. */
    static byte[] numbersForStrings(int count) {
        StringBuilder b = new StringBuilder("{\"BatchItem\":{\"e1\":{\"Endpoint\":{\"User\":{\"UserAttributes\":"
                + "{\"a\":[");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "1" : ",1");
        }
        b.append("]}}},\"Events\":{\"v1\":{\"EventType\":\"x\",\"Timestamp\":\"2026-01-01T00:00:00Z\"}}}}}");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTypeMismatchBombListsAHundredAndCountsTheRest() {
        Decision d = validator.decide(numbersForStrings(300_000));
        assertEquals("Request body could not be deserialized: a member has the wrong JSON type", d.error().message());
        assertEquals(Decision.MAX_LISTED, d.errors().size());
        assertEquals(300_002 - Decision.MAX_LISTED, d.unlisted());
        // Each rule that fired keeps its first finding, however many findings rank before it.
        assertEquals(List.of("request.type-mismatch", "endpoint.attribute-value-count", "endpoint.size"),
                d.errors().stream().map(f -> f.rule().id()).distinct().toList());
        Finding first = d.errors().get(0);
        assertEquals("request.type-mismatch", first.rule().id());
        assertEquals("/BatchItem/e1/Endpoint/User/UserAttributes/a/0", first.pointer());
        assertEquals("/BatchItem/e1/Endpoint/User/UserAttributes/a/97", d.errors().get(97).pointer());
    }

    @Test
    void aHundredThousandRefusedEventsStillGetTheWholeRequestError() {
        StringBuilder b = new StringBuilder("{\"BatchItem\":{\"e1\":{\"Endpoint\":{},\"Events\":{");
        for (int i = 0; i < 100_100; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(i).append("\":{}");
        }
        Decision d = validator.decide(b.append("}}}}").toString().getBytes(StandardCharsets.UTF_8));
        assertEquals("Number of events in a request should be at most 100", d.error().message());
        assertTrue(d.errors().size() <= Decision.MAX_LISTED, () -> d.errors().size() + " listed");
        assertTrue(d.unlisted() > 100_000, () -> d.unlisted() + " unlisted");
    }

    @Test
    void belowTheCapEveryFindingIsListedAndEachEventKeepsItsOwnMessage() {
        StringBuilder b = new StringBuilder("{\"BatchItem\":{\"e1\":{\"Endpoint\":{},\"Events\":{");
        for (int i = 0; i < 60; i++) {
            b.append(i == 0 ? "" : ",").append("\"v").append(i).append("\":{\"EventType\":\"x\"}");
        }
        Decision d = validator.decide(b.append("}}}}").toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(0, d.unlisted());
        assertEquals(60, d.errors().stream().filter(f -> f.rule().id().equals("event.timestamp-missing")).count());
        ItemStatus v59 = d.response().results().get("e1").eventsItemResponse().get("v59");
        assertEquals(400, v59.statusCode());
    }

    /** One endpoint with {@code count} events {@code "N":{}}: 3.95 MB for 400,000 of them. */
    static byte[] emptyEvents(int count) {
        StringBuilder b = new StringBuilder("{\"BatchItem\":{\"e1\":{\"Endpoint\":{},\"Events\":{");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(Integer.toString(i, 36)).append("\":{}");
        }
        return b.append("}}}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One endpoint whose user attribute holds {@code count} empty objects where strings belong. */
    static byte[] objectsForStrings(int count) {
        return new String(numbersForStrings(count), StandardCharsets.UTF_8).replace("[1,", "[{},").replace(",1", ",{}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyOfMoreContainersThanTheBoundIsRefusedAsAWholeWithoutItsTree() {
        Decision d = validator.decide(objectsForStrings(TooManyContainersRule.MAX_CONTAINERS));
        assertEquals("Request body holds more than 400000 JSON objects and arrays", d.error().message());
        assertEquals(List.of("request.too-many-containers"), d.errors().stream().map(f -> f.rule().id()).toList());
        assertEquals(0, d.unlisted());
        // More than 100 events among them: the quota's own refusal, found by the same count.
        Decision events = validator.decide(emptyEvents(TooManyContainersRule.MAX_CONTAINERS));
        assertEquals("Number of events in a request should be at most 100", events.error().message());
        assertEquals("/BatchItem", events.errors().get(0).pointer());
        assertEquals("400000 events", events.errors().get(0).detail());
        // Below the bound the tree decides, as before: the type mismatch.
        Decision below = validator.decide(objectsForStrings(TooManyContainersRule.MAX_CONTAINERS - 10));
        assertEquals("request.type-mismatch", below.errors().get(0).rule().id());
    }

    /** Four-megabyte bombs, each decided in a JVM with a 64 MB heap. */
    @Test
    void fourMegabyteBombsAreDecidedInASixtyFourMegabyteHeap() throws IOException, InterruptedException {
        assertEquals("400 Request body could not be deserialized: a member has the wrong JSON type 100 1989902",
                decideInSixtyFourMegabytes("numbers"));
        assertEquals("400 Number of events in a request should be at most 100 1 0",
                decideInSixtyFourMegabytes("events"));
        assertEquals("400 Request body holds more than 400000 JSON objects and arrays 1 0",
                decideInSixtyFourMegabytes("objects"));
    }

    private static String decideInSixtyFourMegabytes(String bomb) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), BombMain.class.getName(), bomb)
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), bomb + ": the decision did not finish in 120 s");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /**
     * Decides one bomb under 4,000,000 bytes and prints the answer in one line: {@code numbers}, 1,990,000
     * misplaced numbers (3.98 MB); {@code events}, 400,000 empty events (3.95 MB); {@code objects}, 1,300,000
     * misplaced empty objects (3.90 MB).
     */
    public static final class BombMain {
        public static void main(String[] args) {
            byte[] body = switch (args[0]) {
                case "numbers" -> numbersForStrings(1_990_000);
                case "events" -> emptyEvents(400_000);
                default -> objectsForStrings(1_300_000);
            };
            if (body.length > 4_000_000) {
                throw new IllegalStateException(args[0] + " is " + body.length + " bytes");
            }
            Decision d = PutEventsValidator.create(ValidatorConfig.builder().build()).decide(body);
            System.out.println(d.error().httpStatus() + " " + d.error().message() + " " + d.errors().size() + " "
                    + d.unlisted());
        }
    }
}
