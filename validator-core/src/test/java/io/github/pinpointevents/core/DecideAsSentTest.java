package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.PythonJson;
import io.github.pinpointevents.core.result.DecidedRequest;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.Finding;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link PutEventsValidator#decideAsSent}, the AWS CLI input path's one parse, gives the decision that
 * {@code decide} gives on the bytes botocore writes for the tree, findings unplaced (line 0), whatever the tree
 * holds: numbers botocore writes as something the service refuses or reads back otherwise, strings it escapes,
 * trees too large to decide without their bytes.
 */
class DecideAsSentTest {

    private static final PutEventsValidator VALIDATOR = PutEventsValidator.create(
            ValidatorConfig.builder().clock(CasesTest.CLOCK).build());

    @Test
    void mutatedRequestsAreDecidedAsTheirWrittenBodies() {
        Random random = new Random(21);
        for (int i = 0; i < 400; i++) {
            assertSameAsWritten(Mutations.mutated(Mutations.Choices.of(random), 1 + random.nextInt(4)), "tree " + i);
        }
    }

    @Test
    void numbersAndStringsBotocoreWritesDifferently() {
        String[] values = {"NaN", "Infinity", "-Infinity", "1e400", "-0.0", "1e16", "1e-7", "0.1000000000000000055511",
            "123456789012345678901234567890", "-9223372036854775809", "2147483648", "1.5", "true", "null",
            "\"\\u007f\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\u0001\\n\\t\"", "\"a\\\"b\\\\\"",
            "[1, 2.5, NaN]", "{}"};
        // and names: botocore escapes a lone surrogate, which the service's parser refuses in a name (the AWS
        // CLI's reader refuses one too, but a tree made in code can hold it)
        for (String name : new String[] {"\ud800", "x\ude00", "\ud83d\ude00", "\u00e9"}) {
            ObjectNode tree = JsonCodec.object();
            tree.putObject("BatchItem").putObject(name).putObject("Endpoint");
            assertSameAsWritten(tree, name);
        }
        for (String value : values) {
            for (String where : new String[] {"Duration", "Id"}) {
                String cli = "{\"BatchItem\":{\"e\":{\"Endpoint\":{},\"Events\":{\"v\":{\"EventType\":\"x\","
                        + "\"Timestamp\":\"2024-01-01T00:00:00Z\",\"Session\":{\"Id\":\"s\","
                        + "\"StartTimestamp\":\"2024-01-01T00:00:00Z\",\"" + where + "\":" + value + "}}}}}}";
                assertSameAsWritten(Json.AWS_CLI_READER.readTree(cli), where + " " + value);
            }
        }
    }

    @Test
    void treesWhoseBoundPassesTheLimitAreDecidedFromTheirBytes() {
        for (int chars : new int[] {700_000, 3_999_000, 4_100_000}) {
            ObjectNode tree = JsonCodec.object();
            ObjectNode item = tree.putObject("BatchItem").putObject("e");
            item.putObject("Endpoint").put("Address", "a".repeat(chars));
            item.putObject("Events");
            assertSameAsWritten(tree, chars + " characters");
        }
    }

    @Test
    void notAnObjectIsDecidedFromItsBytes() {
        for (String value : new String[] {"[]", "42", "\"x\"", "null", "NaN"}) {
            assertSameAsWritten(Json.AWS_CLI_READER.readTree(value), value);
        }
    }

    @Test
    void aFaithfulTreeIsTheRequestItself() {
        JsonNode tree = Json.AWS_CLI_READER.readTree("{\"BatchItem\":{}}");
        assertSame(tree, VALIDATOR.decideAsSent(tree).request());
    }

    private static void assertSameAsWritten(JsonNode tree, String what) {
        DecidedRequest sent = VALIDATOR.decideAsSent(tree);
        Decision written = VALIDATOR.decide(PythonJson.dumps(tree));
        assertEquals(new Decision(written.response(), written.error(), unplaced(written.errors()),
                unplaced(written.warnings()), written.unlisted()), sent.decision(), what);
    }

    private static List<Finding> unplaced(List<Finding> findings) {
        return findings.stream().map(f -> f.at(f.pointer(), 0, 0)).toList();
    }
}
