package io.github.pinpointevents.core.eventstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.pinpointevents.core.TestPaths;
import io.github.pinpointevents.core.generate.GenerationSummary;
import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.generate.GeneratorOutput;
import io.github.pinpointevents.core.generate.OutputFormat;
import io.github.pinpointevents.core.generate.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated records satisfy schemas/event-stream-record.schema.json under networknt (the core's validator) and
 * ajv (tools/ajv/records.mjs, independent of it), and the schema describes and sources every member.
 */
class EventStreamSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static byte[] generate(long seed, double invalidRate, int threads) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratorConfig config = GeneratorConfig.builder().count(40).seed(seed).invalidRate(invalidRate)
                .threads(threads).format(OutputFormat.EVENT_STREAM).build();
        GenerationSummary summary = GeneratorOutput.write(config, out, ProgressListener.NONE);
        assertTrue(summary.events() > 40, "records written: " + summary.events());
        return out.toByteArray();
    }

    @Test
    void generatedRecordsPassNetworknt() throws Exception {
        EventStreamValidator validator = new EventStreamValidator();
        String[] lines = new String(generate(7, 0.3, 2), StandardCharsets.US_ASCII).split("\n");
        for (String line : lines) {
            assertEquals(List.of(), validator.check(JSON.readTree(line)), line);
        }
    }

    @Test
    void recordsAreTheSameBytesForTheSameSeedWhateverTheThreads() throws Exception {
        assertArrayEquals(generate(11, 0.2, 1), generate(11, 0.2, 4));
    }

    @Test
    void generatedRecordsPassAjvAndABrokenOneFailsIt(@TempDir Path dir) throws Exception {
        Path root = TestPaths.repoRoot();
        Path script = root.resolve("tools/ajv/records.mjs");
        assumeTrue(Files.isDirectory(root.resolve("tools/ajv/node_modules/ajv")),
                "ajv is not installed: run `npm ci --prefix tools/ajv` (.ci/run does)");
        Path file = dir.resolve("records.ndjson");
        byte[] records = generate(7, 0.3, 2);
        String broken = "{\"event_type\":\"x\",\"event_timestamp\":\"1\"}\n";
        Files.write(file, (new String(records, StandardCharsets.US_ASCII) + broken).getBytes(StandardCharsets.UTF_8));
        Process node;
        try {
            node = new ProcessBuilder(System.getProperty("pinpoint.node", "node"), script.toString(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "Node.js cannot be run: " + e.getMessage());
            return;
        }
        byte[] verdicts = node.getInputStream().readAllBytes();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "records.mjs did not finish within 120 s");
        assertEquals(0, node.exitValue());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(verdicts, StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        long recordCount = new String(records, StandardCharsets.US_ASCII).lines().count();
        assertEquals(recordCount + 1, lines.size());
        for (JsonNode verdict : lines.subList(0, lines.size() - 1)) {
            assertTrue(verdict.get("valid").asBoolean(), verdict.toString());
        }
        assertEquals(false, lines.get(lines.size() - 1).get("valid").asBoolean(true));
        assertTrue(!new EventStreamValidator().check(JSON.readTree(broken)).isEmpty());
    }

    @Test
    void everyMemberHasADescriptionAndItsProvenance() throws IOException {
        JsonNode schema = JSON.readTree(TestPaths.repoRoot().resolve("schemas/event-stream-record.schema.json")
                .toFile());
        List<String> missing = new ArrayList<>();
        check(schema, "", missing);
        assertEquals(List.of(), missing);
    }

    private static void check(JsonNode schema, String path, List<String> missing) {
        schema.path("properties").properties().forEach(e -> {
            JsonNode member = e.getValue();
            String at = path + "/" + e.getKey();
            if (member.path("description").asString("").isBlank()) {
                missing.add(at + ": no description");
            }
            String comment = member.path("$comment").asString("");
            if (!comment.startsWith("documented") && !comment.startsWith("inferred")) {
                missing.add(at + ": $comment does not start with documented or inferred");
            }
            check(member, at, missing);
        });
    }
}
