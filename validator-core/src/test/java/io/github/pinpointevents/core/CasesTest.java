package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden cases: each folder under {@code src/test/resources/cases/} holds a {@code request.json} body and an
 * {@code expected.json} with the decision and the rule id and JSON Pointer of every finding. Run with
 * {@code -Dcases.update=true} to rewrite the expected files, then review the diff.
 */
class CasesTest {

    static final Path CASES = TestPaths.repoRoot().resolve("validator-core/src/test/resources/cases");

    /** A fixed clock, so future-timestamp warnings do not depend on the day the test runs. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final PutEventsValidator validator = PutEventsValidator.create(
            ValidatorConfig.builder().clock(CLOCK).build());

    @TestFactory
    Stream<DynamicTest> everyCaseDecidesAsExpected() throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(CASES)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(folders.size() >= 20, "the golden cases are missing: " + CASES);
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            Decision decision = validator.decide(Files.readAllBytes(folder.resolve("request.json")));
            String actual = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(golden(decision)) + "\n";
            Path expected = folder.resolve("expected.json");
            if (Boolean.getBoolean("cases.update")) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
        }));
    }

    static ObjectNode golden(Decision decision) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("decision", decision.toJson());
        findings(node.putArray("violations"), decision.errors());
        findings(node.putArray("warnings"), decision.warnings());
        return node;
    }

    private static void findings(ArrayNode array, List<Finding> violations) {
        violations.forEach(v -> array.add(v.rule().id() + " " + (v.pointer().isEmpty() ? "/" : v.pointer())));
    }
}
