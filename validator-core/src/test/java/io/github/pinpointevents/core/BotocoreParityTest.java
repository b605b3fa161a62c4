package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Finding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Parity with the real AWS CLI: every folder under {@code src/test/resources/botocore/} holds an
 * {@code input.json} (a {@code --cli-input-json} document for {@code aws pinpoint put-events}) and an
 * {@code expected.txt} with the lines botocore printed under "Parameter validation failed:" (empty when the
 * CLI passed validation). The expected files are recorded from the real CLI by
 * {@code tools/botocore-parity/record.sh}; never edit them by hand.
 */
class BotocoreParityTest {

    private static final PutEventsValidator VALIDATOR = PutEventsValidator.create(ValidatorConfig.defaults());

    @TestFactory
    Stream<DynamicTest> everyRecordedCaseMatchesTheCli() throws IOException {
        List<Path> cases = cases();
        assertTrue(cases.size() >= 40, "expected at least 40 parity cases, found " + cases.size());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), dir.toUri(),
                () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        Path input = dir.resolve("input.json");
        Path expectedFile = dir.resolve("expected.txt");
        if (!Files.isRegularFile(input) || !Files.isRegularFile(expectedFile)) {
            fail(dir + " needs input.json and expected.txt (run tools/botocore-parity/record.sh)");
        }
        // Python 3.11 knows Unicode 14; which characters its repr escapes follows the JDK's Unicode version.
        Assumptions.assumeFalse(dir.getFileName().toString().equals("repr-unicode-14")
                && Character.getType(0x1FAE0) == Character.UNASSIGNED,
                "this JDK predates Unicode 14 (JDK 19+ knows it); Python 3.11 prints these characters bare");
        JsonNode document = Json.AWS_CLI_READER.readTree(Files.readAllBytes(input));
        List<String> expected = lines(Files.readString(expectedFile, StandardCharsets.UTF_8));
        List<String> messages = VALIDATOR.checkParameters(document, InputSource.CLI_INPUT_JSON).stream()
                .map(Finding::message).toList();
        // The CLI prints one message per line; a message holding a newline (a key with "\n") spans two.
        List<String> actual = messages.isEmpty() ? List.of() : lines(String.join("\n", messages) + "\n");
        if (!expected.equals(actual)) {
            assertEquals(escaped(expected), escaped(actual), () -> dir.getFileName() + ": ours differs from the CLI's"
                    + firstDifference(expected, actual));
            assertEquals(expected, actual, () -> dir.getFileName() + ": ours differs from the CLI's");
        }
    }

    /** The lines of a text whose every line ends with a newline; an empty text has none. */
    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<none>";
            String a = i < actual.size() ? actual.get(i) : "<none>";
            if (!e.equals(a)) {
                return "\n first difference at line " + (i + 1) + "\n   CLI: " + escape(e) + "\n  ours: " + escape(a)
                        + "\n";
            }
        }
        return "";
    }

    private static String escaped(List<String> lines) {
        return lines.stream().map(BotocoreParityTest::escape).collect(Collectors.joining("\n"));
    }

    /** Backslashes doubled, non-ASCII and control characters as \\uXXXX: readable whatever the console. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\') {
                b.append("\\\\");
            } else if (c < 0x20 || c >= 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static List<Path> cases() throws IOException {
        Path root = casesRoot();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).sorted().forEach(out::add);
        }
        return out;
    }

    private static Path casesRoot() {
        String repoRoot = System.getProperty("pinpoint.repo.root");
        if (repoRoot != null) {
            Path p = Path.of(repoRoot, "validator-core", "src", "test", "resources", "botocore");
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        URL url = BotocoreParityTest.class.getClassLoader().getResource("botocore");
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("cannot find the botocore/ parity cases (set pinpoint.repo.root)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
