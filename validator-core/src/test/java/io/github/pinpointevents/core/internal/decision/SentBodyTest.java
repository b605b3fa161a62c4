package io.github.pinpointevents.core.internal.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.generate.RequestGenerator;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.PythonJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link SentBody#faithfulBound} never undercounts the bytes botocore writes, and counts strings and integers
 * exactly, so a body near the 4,000,000-byte limit is decided on its tree, not written and parsed again.
 */
class SentBodyTest {

    @Test
    void exactForStringsAndIntegers() {
        List<String> documents = List.of("{}", "{\"a\":\"\"}", "{\"q\\\"\\\\\":\"\\b\\f\\n\\r\\t\\u0001\\u007f ~\"}",
                "{\"a\":[\"\u00e9\u4e2d\",\"\\ud83d\\ude00\",-9223372036854775808,9223372036854775807,0,-1,true,null]}");
        for (String document : documents) {
            JsonNode tree = Json.AWS_CLI_READER.readTree(document);
            assertEquals(PythonJson.dumps(tree).length, SentBody.faithfulBound(tree), document);
        }
    }

    @Test
    void neverBelowWhatBotocoreWrites() {
        RequestGenerator generator = RequestGenerator.create(GeneratorConfig.builder().seed(5).count(200)
                .eventsPerRequest(20).build());
        for (long i = 0; i < 200; i++) {
            JsonNode tree = generator.generate(i).eventsRequest();
            long bound = SentBody.faithfulBound(tree);
            if (bound >= 0) {
                long written = PythonJson.dumps(tree).length;
                assertTrue(bound >= written, i + ": " + bound + " < " + written);
                assertTrue(bound <= written + 24L * tree.toString().length(), "bounded");
            }
        }
    }
}
