package io.github.pinpointevents.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.pinpointevents.core.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The real AWS CLI reads generated cli-input files: valid ones pass its parameter validation (it then fails to
 * connect to a closed local port, as intended), and for mutations whose refusal the generator predicts, the CLI
 * prints exactly the predicted lines. Needs {@code aws} on the PATH; fails with a clear message without it.
 */
class AwsCliParameterValidationTest {

    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y",
            "AWS_DEFAULT_REGION", "us-east-1", "AWS_MAX_ATTEMPTS", "1", "AWS_CONFIG_FILE", "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_PAGER", "");

    @TempDir
    static Path tmp;

    @BeforeAll
    static void awsIsInstalled() {
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("'aws --version' failed: the AWS CLI is needed for this test (pip install awscli)");
            }
        } catch (IOException e) {
            Assumptions.abort("needs the AWS CLI ('aws') on the PATH; this test runs its parameter validation on"
                    + " generated files. Install it (apt-get install awscli; .ci/run installs it). (" + e.getMessage()
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    @Test
    void validCliInputFilesPassTheAwsClisParameterValidation() throws Exception {
        Path dir = tmp.resolve("valid");
        // Three endpoints a request, so the 20 files hold some 60 endpoints of every SDK.
        GeneratorOutput.write(GeneratorConfig.builder().seed(2026).count(20).endpointsPerRequest(3)
                .format(OutputFormat.CLI_INPUT).output(dir).build(), null, ProgressListener.NONE);
        List<Path> files = files(dir);
        assertEquals(20, files.size());
        List<String> outputs = runAll(files);
        for (int i = 0; i < files.size(); i++) {
            String out = outputs.get(i);
            assertFalse(out.contains("Parameter validation failed"), files.get(i) + ":\n" + out);
            assertTrue(out.contains("Could not connect to the endpoint URL"),
                    files.get(i) + ": expected the CLI to get as far as connecting:\n" + out);
        }
    }

    @Test
    void predictedRefusalsAreTheAwsClisOwnWords() throws Exception {
        Path dir = tmp.resolve("invalid");
        Set<String> refusedByCli = Set.of("event.event-type-blank", "event.timestamp-missing",
                "endpoint.endpoint-missing", "endpoint.events-missing", "request.unknown-member",
                "request.type-mismatch", "request.not-an-object", "request.batch-item-missing",
                "event.session-start-missing", "event.session-id-missing");
        GeneratorOutput.write(GeneratorConfig.builder().seed(77).count(24).invalidRate(1).mutations(refusedByCli)
                .format(OutputFormat.CLI_INPUT).output(dir).build(), null, ProgressListener.NONE);
        List<Path> predicted = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        for (Path f : files(dir)) {
            JsonNode expected = Json.MAPPER.readTree(Files.readString(expectedSibling(f)));
            if (expected.has("ParameterValidation") && predicted.size() < 10) {
                predicted.add(f);
                List<String> l = new ArrayList<>();
                expected.get("ParameterValidation").forEach(n -> l.add(n.asString()));
                lines.add(l);
            }
        }
        assertEquals(10, predicted.size(), "predicted refusals");
        List<String> outputs = runAll(predicted);
        for (int i = 0; i < predicted.size(); i++) {
            String out = outputs.get(i);
            int at = out.indexOf("Parameter validation failed:\n");
            assertTrue(at >= 0, predicted.get(i) + ": the AWS CLI did not refuse it:\n" + out);
            List<String> got = Arrays.stream(out.substring(at).split("\n")).skip(1).filter(s -> !s.isBlank())
                    .toList();
            assertEquals(lines.get(i), got, predicted.get(i).toString());
        }
    }

    private static Path expectedSibling(Path f) {
        String name = f.getFileName().toString();
        return f.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expected.json");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("request-\\d+\\.json")).sorted().toList();
        }
    }

    private static List<String> runAll(List<Path> files) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (Path f : files) {
                runs.add(pool.submit(() -> run(f)));
            }
            List<String> outputs = new ArrayList<>();
            for (Future<String> r : runs) {
                outputs.add(r.get(5, TimeUnit.MINUTES));
            }
            return outputs;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String run(Path file) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("aws", "pinpoint", "put-events", "--cli-input-json",
                "file://" + file.toAbsolutePath(), "--endpoint-url", "http://127.0.0.1:9", "--cli-connect-timeout",
                "1").redirectErrorStream(true);
        pb.environment().putAll(ENV);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return out + "\n(timed out)";
        }
        return out;
    }
}
