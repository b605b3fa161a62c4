package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The top-level command: help, version, unknown commands, and bad input that must never show a stack trace. */
class MainTest {

    private static final String TS = "2024-01-01T00:00:00Z";

    @Test
    void helpListsTheCommands() {
        Cli.Result r = Cli.run("--help");

        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("Usage: pinpoint-events"), r::toString);
        for (String command : List.of("put-events", "validate", "rules")) {
            assertTrue(r.out().contains("\n  " + command + " "), command);
        }
    }

    @Test
    void versionIsTheMavenProjectVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Main.class.getClassLoader()
                .getResourceAsStream("io/github/pinpointevents/core/version.properties")) {
            assertTrue(in != null, "version.properties is on the classpath");
            p.load(in);
        }
        String version = p.getProperty("version");
        // The resource is filtered by Maven: the placeholder is gone, and the value is the POM's version.
        Matcher pom = Pattern.compile("<artifactId>pinpoint-events-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Cli.repoRoot().resolve("pom.xml")));
        assertTrue(pom.find(), "the root POM's version");
        assertEquals(pom.group(1), version);

        Cli.Result r = Cli.run("--version");

        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        assertEquals("pinpoint-events " + version, r.out().lines().findFirst().orElse(""));
    }

    @Test
    void unknownCommandIsOneLineAndExitTwo() {
        Cli.Result r = Cli.run("frobnicate", "x.json");

        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1,
                () -> "one line: " + r);
        assertTrue(r.err().contains("'frobnicate'"), r::toString);
    }

    @Test
    void missingCommandIsAUsageError() {
        Cli.Result r = Cli.run();

        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals("pinpoint-events: Missing command: put-events, validate, generate, rules or serve (see --help)\n", r.err());
    }

    /** Inputs meant to break a parser, a recursion or a buffer. */
    private static Map<String, byte[]> badInputs() {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        inputs.put("empty", new byte[0]);
        inputs.put("whitespace", " \n\t \r\n".getBytes(StandardCharsets.UTF_8));
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        inputs.put("binary-garbage", garbage);
        inputs.put("deep-arrays", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        inputs.put("deep-objects", "{\"a\":".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        // Legal JSON just inside the parser's nesting limit: deep for every recursive walk after it.
        inputs.put("deep-but-parsable", utf8(request("\"Attributes\": {\"a\": " + "[".repeat(450) + "]".repeat(450)
                + "}")));
        inputs.put("deep-cli-input", utf8("{\"ApplicationId\": \"x\", \"EventsRequest\": "
                + "{\"BatchItem\": ".repeat(240) + "{}" + "}".repeat(240) + "}"));
        inputs.put("five-mb-string", utf8("\"" + "x".repeat(5_000_000) + "\""));
        inputs.put("five-mb-event-type", utf8(request("\"EventType\": \"" + "y".repeat(5_000_000) + "\"")));
        inputs.put("five-mb-cli-input", utf8("{\"ApplicationId\": \"x\", \"EventsRequest\": \""
                + "z".repeat(5_000_000) + "\"}"));
        inputs.put("invalid-utf8", concat(utf8("{\"BatchItem\": {\""), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3},
                utf8("\": {}}}")));
        inputs.put("utf16-empty-batch", "{\"BatchItem\": {}}".getBytes(StandardCharsets.UTF_16));
        inputs.put("nul-bytes", utf8("{\"BatchItem\": {\"ep\u0000\": {\"Endpoint\": {}, \"Events\": {}}}}"));
        inputs.put("huge-number", utf8(request("\"Metrics\": {\"m\": 1" + "0".repeat(5000) + "}")));
        inputs.put("huge-exponent", utf8(request("\"Metrics\": {\"m\": 1e999999, \"n\": -1e-999999}")));
        inputs.put("nan-and-infinity", utf8(request("\"Metrics\": {\"m\": NaN, \"n\": -Infinity}")));
        inputs.put("lone-surrogates", utf8("{\"BatchItem\": {\"\\ud800\": {\"Endpoint\": {}, \"Events\": {\"\\udfff\":"
                + " {\"EventType\": \"\\udc00\", \"Timestamp\": \"\\ud800\"}}}}}"));
        inputs.put("null", utf8("null"));
        inputs.put("truncated", utf8(request("").substring(0, 40)));
        return inputs;
    }

    @TestFactory
    Stream<DynamicTest> badInputNeverShowsAStackTrace(@TempDir Path dir) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, byte[]> input : badInputs().entrySet()) {
            tests.add(DynamicTest.dynamicTest(input.getKey(), () -> {
                Path file = Files.write(dir.resolve(input.getKey() + ".json"), input.getValue());
                List<String[]> validate = List.of(
                        new String[] {"validate", file.toString()},
                        new String[] {"validate", "--format", "json", file.toString()},
                        new String[] {"validate", "--stdin-format", "ndjson", "-"},
                        new String[] {"validate", "-"});
                List<String[]> putEvents = List.of(
                        new String[] {"put-events", "--application-id", "x", "--events-request", Cli.fileUri(file)},
                        new String[] {"put-events", "--cli-input-json", Cli.fileUri(file)});
                boolean blank = new String(input.getValue(), StandardCharsets.UTF_8).isBlank();
                for (String[] args : validate) {
                    Cli.Result r = Cli.run(new ByteArrayInputStream(input.getValue()), args);
                    assertClean(r, String.join(" ", args));
                    if (blank && args[1].equals("--stdin-format")) {
                        // NDJSON without a line holds no request.
                        assertEquals(0, r.code(), r::toString);
                        assertTrue(r.out().startsWith("0 requests"), r::toString);
                    } else {
                        assertEquals(1, r.code(), () -> String.join(" ", args) + ": a failing request\n" + r);
                    }
                }
                for (String[] args : putEvents) {
                    Cli.Result r = Cli.run(args);
                    assertClean(r, String.join(" ", args));
                    // 255: nesting deeper than Python's json decoder recurses, as the AWS CLI exits on it
                    assertTrue(Set.of(252, 254, 255).contains(r.code()), () -> String.join(" ", args) + "\n" + r);
                    assertEquals("", r.out(), () -> String.join(" ", args));
                }
            }));
        }
        assertTrue(tests.size() >= 12);
        return tests.stream();
    }

    /**
     * Nothing Java-internal reaches the user. Error types the service itself names, such as
     * BadRequestException, are part of the contract and are not stack traces.
     */
    private static void assertClean(Cli.Result r, String command) {
        for (String stream : List.of(r.out(), r.err())) {
            String text = stream.replace("BadRequestException", "").replace("PayloadTooLargeException", "");
            assertFalse(text.contains("Exception"), () -> command + ": mentions an exception\n" + r);
            assertFalse(text.contains("\tat "), () -> command + ": a stack trace\n" + r);
            assertFalse(text.contains("internal error"), () -> command + ": an internal error\n" + r);
            assertFalse(text.contains("java.lang.") || text.contains("tools.jackson."),
                    () -> command + ": a Java class name\n" + r);
        }
    }

    /** One endpoint, one event with the extra members given (or the default type and timestamp). */
    private static String request(String eventMembers) {
        String members = eventMembers.startsWith("\"EventType\"") ? eventMembers + ", \"Timestamp\": \"" + TS + "\""
                : "\"EventType\": \"play\", \"Timestamp\": \"" + TS + "\"" + (eventMembers.isEmpty() ? "" : ", "
                        + eventMembers);
        return "{\"BatchItem\": {\"ep\": {\"Endpoint\": {}, \"Events\": {\"e\": {" + members + "}}}}}";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
