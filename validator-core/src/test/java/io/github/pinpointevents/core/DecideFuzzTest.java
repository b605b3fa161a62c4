package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import io.github.pinpointevents.core.rules.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzes the parser and the engine with Jazzer: whatever the bytes, {@link PutEventsValidator#decide}
 * answers ({@link #assertAnswers}), and the AWS CLI's parameter validation of any parsed body answers too.
 *
 * <p>A plain build runs Jazzer's regression mode: each fuzz test once on the empty input and on every input
 * in its inputs directory, {@code src/test/resources/io/github/pinpointevents/core/DecideFuzzTestInputs/
 * <method>/}; for {@code decideAlwaysAnswers} the build also copies every sample request there (see the POM),
 * so the samples are the seeds. Crashes found by fuzzing are committed there, with their fix. To fuzz:
 * {@code JAZZER_FUZZ=1 mvn -B test -pl validator-core -Djazzer.hooks=true -Dtest=DecideFuzzTest#METHOD}, which
 * runs for {@code maxDuration}.
 */
class DecideFuzzTest {

    private static final PutEventsValidator VALIDATOR = PutEventsValidator.create(
            ValidatorConfig.builder().clock(CasesTest.CLOCK).build());

    /** Arbitrary bytes: mostly the parser's and the encoding check's ground. */
    @FuzzTest(maxDuration = "60s")
    void decideAlwaysAnswers(byte[] body) {
        assertAnswers(VALIDATOR, body);
    }

    /** Samples and golden cases with a few structural mutations: the rules' ground. */
    @FuzzTest(maxDuration = "60s")
    void decideAnswersMutatedSamples(FuzzedDataProvider data) {
        Mutations.Choices choices = Mutations.Choices.of(data);
        byte[] body = Mutations.mutatedBytes(choices);
        assertAnswers(VALIDATOR, body);
        ObjectNode input = Json.MAPPER.createObjectNode().put("ApplicationId", "app");
        input.set("EventsRequest", Mutations.mutated(choices, 1));
        assertNotNull(VALIDATOR.checkParameters(input, InputSource.CLI_INPUT_JSON));
    }

    /**
     * What every answer satisfies: it comes, it is a response or a whole-request error (never both), the
     * error is the first request-level finding's, every finding names a catalogued rule, and the same bytes
     * get the same answer.
     */
    static Decision assertAnswers(PutEventsValidator validator, byte[] body) {
        Decision decision = validator.decide(body);
        assertNotNull(decision);
        assertTrue(decision.error() == null ^ decision.response() == null, "an error or a response");
        for (Finding v : decision.errors()) {
            assertTrue(RuleCatalogue.get().find(v.rule().id()).isPresent(), v.rule().id());
            assertEquals(Severity.ERROR, v.rule().severity(), v.rule().id());
        }
        decision.warnings().forEach(v -> assertEquals(Severity.WARNING, v.rule().severity(), v.rule().id()));
        if (decision.error() != null) {
            Finding first = decision.errors().stream().filter(v -> v.rule().level() == Level.REQUEST)
                    .findFirst().orElseThrow(() -> new AssertionError("a whole-request error without its finding"));
            assertEquals(first.rule().errorType(), decision.error().errorType());
            assertEquals(first.rule().statusCode(), decision.error().httpStatus());
        } else {
            assertTrue(decision.errors().stream().noneMatch(v -> v.rule().level() == Level.REQUEST),
                    "a request-level finding refuses the whole request");
        }
        assertEquals(Json.MAPPER.writeValueAsString(decision.toJson()),
                Json.MAPPER.writeValueAsString(validator.decide(body).toJson()), "the same bytes, the same answer");
        return decision;
    }
}
