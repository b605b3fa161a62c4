package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.ItemResponse;
import io.github.pinpointevents.core.rules.endpoint.UserEndpointLimitRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine's invariants, checked as properties over generated input: the samples, the golden cases, their
 * mutations ({@link Mutations}), arbitrary bytes and nearly-JSON text. Each property runs a fixed number of
 * tries from fixed seeds, so a build is repeatable and bounded (a few seconds in all); a failure names its
 * seed, and {@code -Dproperties.tries=N} runs more. (Plain JUnit with seeded generators: Jazzer, which
 * resolved, does the coverage-guided fuzzing; no second test engine is needed.)
 */
class EnginePropertiesTest {

    private static final PutEventsValidator VALIDATOR = PutEventsValidator.create(
            ValidatorConfig.builder().clock(CasesTest.CLOCK).build());
    /** A second instance: answers depend on nothing an instance holds. */
    private static final PutEventsValidator OTHER = PutEventsValidator.create(
            ValidatorConfig.builder().clock(CasesTest.CLOCK).build());

    private static final int TRIES = Integer.getInteger("properties.tries", 500);

    /**
     * A generator for one seed. The seed is mixed first: java.util.Random's first draws from consecutive
     * seeds are nearly the same, which would make consecutive tries alike.
     */
    static Random random(long seed) {
        return new Random(new SplittableRandom(seed).nextLong());
    }

    /** Runs the property once per seed; a failure says which seed, to reproduce it. */
    static void forAll(long firstSeed, int tries, LongConsumer property) {
        for (long seed = firstSeed; seed < firstSeed + tries; seed++) {
            try {
                property.accept(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("fails for seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    /** It always answers, consistently, and the same bytes get the same answer from any instance. */
    @Test
    void alwaysAnswersTheSameWay() {
        forAll(1_000, TRIES, seed -> {
            byte[] body = Mutations.mutatedBytes(Mutations.Choices.of(random(seed)));
            Decision decision = DecideFuzzTest.assertAnswers(VALIDATOR, body);
            assertEquals(answer(decision), answer(OTHER.decide(body)));
        });
    }

    @Test
    void answersArbitraryBytes() {
        forAll(2_000, TRIES, seed -> {
            Random random = random(seed);
            byte[] body = new byte[random.nextInt(300)];
            random.nextBytes(body);
            DecideFuzzTest.assertAnswers(VALIDATOR, body);
        });
    }

    /** Text made of JSON's own characters (and a few traps): mostly malformed, sometimes not. */
    @Test
    void answersNearlyJson() {
        String alphabet = "{}[]\":,0123456789.eE+-tfnul aAsr\\/\u00e9\ufeff\u0000";
        forAll(3_000, TRIES, seed -> {
            Random random = random(seed);
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(80); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            DecideFuzzTest.assertAnswers(VALIDATOR, text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    /**
     * An endpoint's result and its events' results do not depend on their siblings: reordering, removing or
     * adding other endpoints and events leaves them as they were, as long as no whole-request rule fires. The
     * one cross-item rule at item level, {@code endpoint.user-endpoint-limit} (at most 15 endpoints per
     * user in a request), is a whole-request limit too: requests where it fires are not compared.
     */
    @Test
    void anItemsResultDoesNotDependOnItsSiblings() {
        int[] compared = new int[1];
        forAll(4_000, TRIES, seed -> compared[0] += siblingsKeepTheirResults(seed) ? 1 : 0);
        assertTrue(compared[0] > TRIES / 3, "too few requests were comparable: " + compared[0] + " of " + TRIES);
    }

    /** False when the request offers nothing to compare. */
    private static boolean siblingsKeepTheirResults(long seed) {
        Random random = random(seed);
        Mutations.Choices choices = Mutations.Choices.of(random);
        JsonNode body = Mutations.mutated(choices, random.nextInt(2));
        Decision before = VALIDATOR.decide(Json.MAPPER.writeValueAsBytes(body));
        if (before.error() != null || !body.path("BatchItem").isObject() || body.path("BatchItem").isEmpty()
                || limitFires(before)) {
            return false; // refused whole, or counted across the batch: nothing per item to compare
        }
        ObjectNode changed = siblingsChanged((ObjectNode) body.deepCopy(), random);
        Decision after = VALIDATOR.decide(Json.MAPPER.writeValueAsBytes(changed));
        assertNull(after.error(), () -> "changing siblings refused the whole request: " + after.error());
        if (limitFires(after)) {
            return false;
        }
        Map<String, ItemResponse> was = before.response().results();
        Map<String, ItemResponse> is = after.response().results();
        for (Map.Entry<String, ItemResponse> e : is.entrySet()) {
            ItemResponse old = was.get(e.getKey());
            if (old == null) {
                continue; // an added endpoint
            }
            assertEquals(old.endpointItemResponse(), e.getValue().endpointItemResponse(), "endpoint " + e.getKey());
            for (Map.Entry<String, ?> ev : e.getValue().eventsItemResponse().entrySet()) {
                if (old.eventsItemResponse().containsKey(ev.getKey())) {
                    assertEquals(old.eventsItemResponse().get(ev.getKey()), ev.getValue(),
                            "event " + e.getKey() + "/" + ev.getKey());
                }
            }
        }
        return true;
    }

    private static boolean limitFires(Decision d) {
        return d.errors().stream().anyMatch(v -> v.rule() instanceof UserEndpointLimitRule);
    }

    /** Reorders, removes or adds endpoints and events, keeping at most 100 events in all. */
    private static ObjectNode siblingsChanged(ObjectNode body, Random random) {
        ObjectNode batch = (ObjectNode) body.get("BatchItem");
        List<String> endpoints = new ArrayList<>(batch.propertyNames());
        int events = 0;
        for (JsonNode ep : batch.values()) {
            events += ep.path("Events").size();
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            switch (random.nextInt(5)) {
                case 0 -> { // reverse the endpoints, and the events of each
                    Collections.reverse(endpoints);
                    ObjectNode reversed = Json.MAPPER.createObjectNode();
                    for (String id : endpoints) {
                        JsonNode ep = batch.get(id);
                        if (ep instanceof ObjectNode o && o.get("Events") instanceof ObjectNode evs) {
                            List<String> ids = new ArrayList<>(evs.propertyNames());
                            Collections.reverse(ids);
                            ObjectNode r = Json.MAPPER.createObjectNode();
                            ids.forEach(i -> r.set(i, evs.get(i)));
                            o.set("Events", r);
                        }
                        reversed.set(id, ep);
                    }
                    batch.removeAll();
                    batch.setAll(reversed);
                }
                case 1 -> { // remove an endpoint
                    if (endpoints.size() > 1) {
                        String id = endpoints.remove(random.nextInt(endpoints.size()));
                        events -= batch.get(id).path("Events").size();
                        batch.remove(id);
                    }
                }
                case 2 -> { // remove an event
                    JsonNode ep = batch.get(endpoints.get(random.nextInt(endpoints.size())));
                    if (ep.get("Events") instanceof ObjectNode evs && evs.size() > 1) {
                        List<String> ids = new ArrayList<>(evs.propertyNames());
                        evs.remove(ids.get(random.nextInt(ids.size())));
                        events--;
                    }
                }
                case 3 -> { // add a valid endpoint with one event
                    if (events < 100) {
                        String id = "sibling-" + random.nextInt(1_000_000);
                        if (!batch.has(id)) {
                            ObjectNode ep = batch.putObject(id);
                            ep.putObject("Endpoint");
                            ep.putObject("Events").set("sibling-event", validEvent());
                            endpoints.add(id);
                            events++;
                        }
                    }
                }
                default -> { // add a valid event to an endpoint
                    JsonNode ep = batch.get(endpoints.get(random.nextInt(endpoints.size())));
                    if (events < 100 && ep.get("Events") instanceof ObjectNode evs) {
                        String id = "sibling-event-" + random.nextInt(1_000_000);
                        if (!evs.has(id)) {
                            evs.set(id, validEvent());
                            events++;
                        }
                    }
                }
            }
        }
        return body;
    }

    private static ObjectNode validEvent() {
        return Json.MAPPER.createObjectNode().put("EventType", "sibling").put("Timestamp", "2025-06-01T12:00:00.000Z");
    }

    private static String answer(Decision d) {
        return Json.MAPPER.writeValueAsString(d.toJson()) + d.errors() + d.warnings();
    }
}
