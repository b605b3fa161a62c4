package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.result.DecidedRequest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@link PutEventsValidator#decideRequest}, the server's one-parse path, gives the decision {@code decide}
 * gives and the body's own tree, unchanged by the decision (a body with null members is stripped on a copy).
 */
class DecidedRequestTest {

    private static final PutEventsValidator VALIDATOR = PutEventsValidator.create(
            ValidatorConfig.builder().clock(CasesTest.CLOCK).build());

    @Test
    void sameDecisionAndTheBodyAsParsed() {
        Random random = new Random(12);
        for (int i = 0; i < 300; i++) {
            byte[] body = Mutations.mutatedBytes(Mutations.Choices.of(random));
            DecidedRequest decided = VALIDATOR.decideRequest(body);
            assertEquals(VALIDATOR.decide(body), decided.decision(), "body " + i);
            JsonNode parsed = parsedObject(body);
            if (parsed == null) {
                assertNull(decided.request(), "body " + i);
            } else {
                assertEquals(parsed, decided.request(), "body " + i);
            }
        }
    }

    @Test
    void aBodyParsedByTheCallerIsDecidedAsIfParsedHere() {
        Random random = new Random(13);
        int parsedBodies = 0;
        for (int i = 0; i < 300; i++) {
            byte[] body = Mutations.mutatedBytes(Mutations.Choices.of(random));
            JsonNode parsed = parsed(body);
            if (parsed != null) {
                parsedBodies++;
                assertEquals(VALIDATOR.decideRequest(body), VALIDATOR.decideRequest(body, parsed), "body " + i);
            }
        }
        assertTrue(parsedBodies > 100, parsedBodies + " bodies parsed");
    }

    @Test
    void noRequestForBodiesRefusedBeforeTheyParse() {
        for (String body : new String[] {"", "42", "[]", "{", "{\"a\":1,\"a\":2}"}) {
            assertNull(VALIDATOR.decideRequest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).request(),
                    body);
        }
        assertNull(VALIDATOR.decideRequest(new byte[] {'{', (byte) 0xC3, '}'}).request(), "not UTF-8");
    }

    private static JsonNode parsed(byte[] body) {
        try {
            return JsonCodec.read(body);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode parsedObject(byte[] body) {
        try {
            JsonNode node = JsonCodec.read(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }
}
