package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus: every input a build pipeline or pre-commit hook can meet gets its documented
 * decision, or one line with the documented exit code, within a time bound, with no stack trace and no
 * out-of-memory. Surefire runs this class alone in a JVM with {@code -Xmx256m} (execution
 * {@code hostile-input} in this module's POM); {@link #theHeapIsSmall()} checks that it really is. The big
 * inputs are written at test time into a temporary directory, streamed, never held whole.
 *
 * <p>Each case runs {@code validate} (exit 0 pass, 1 fail) and, where the input is a request body,
 * {@code put-events --events-request file://...} as the AWS CLI twin (0 accepted, 252 parameter error, 254
 * whole-request service error), and asserts the exact outcome.
 */
class HostileInputTest {

    private static final long MAX_HEAP = 256L * 1024 * 1024;
    /** Generous for a loaded 2-core CI machine; each case takes well under a second alone, the largest a few. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    private static final String TS = "2024-01-01T00:00:00Z";
    private static final String EVENT = "{\"EventType\": \"play\", \"Timestamp\": \"" + TS + "\"}";
    private static final String GOOD = "{\"BatchItem\": {\"ep\": {\"Endpoint\": {}, \"Events\": {\"e\": " + EVENT + "}}}}";
    private static final String PUT_EVENTS_ACCEPTED = "{\n    \"EventsResponse\": {\n        \"Results\": {";
    private static final String SERVICE_ERROR = "\nAn error occurred (%s) when calling the PutEvents operation: %s\n";
    private static final String TOO_LARGE = String.format(SERVICE_ERROR, "PayloadTooLargeException",
            "Request body exceeds the maximum size of 4 MB");
    private static final String NOT_UTF8 = "Request body must be UTF-8 JSON without a byte order mark";

    /** What a stack trace, a leaked exception or an internal error would print. */
    private static final Pattern LEAK = Pattern.compile("\tat |\\bat [a-z]+\\.[a-z]+\\.|java\\.lang\\.|java\\.io\\."
            + "|tools\\.jackson\\.[a-z]+\\.[A-Za-z.]*Exception|internal error|OutOfMemory|StackOverflow");

    @TempDir
    static Path dir;

    @BeforeAll
    static void theHeapIsSmall() {
        assertTrue(Runtime.getRuntime().maxMemory() <= MAX_HEAP, "run with -Xmx256m (surefire execution"
                + " hostile-input), got " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }

    // ---------------------------------------------------------------------------------------------------
    // Empty, truncated, not JSON

    @Test
    void emptyFile() throws IOException {
        Path f = write("empty.json", new byte[0]);
        validateFails(f, f + ":1:1: error request.not-an-object /: Request body must be a JSON object (MISSING)");
        // The AWS CLI reads a value not starting with { or [ as shorthand syntax.
        putEvents(f, 252, "\nError parsing parameter '--events-request': Expected: '=', received: 'EOF' for input:"
                + "\n\n^\n");
    }

    @Test
    void truncatedJson() throws IOException {
        Path f = write("truncated.json", GOOD.substring(0, 50));
        validateFails(f, f + ":1:51: error request.malformed-json /: Unexpected end-of-input: was expecting closing"
                + " '\"' for name");
        putEvents(f, 252, "\nError parsing parameter '--events-request': Invalid JSON: Unterminated string starting"
                + " at: line 1 column 50 (char 49)\nJSON received: " + GOOD.substring(0, 50) + "\n");
    }

    @Test
    void binaryGarbage() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(20_250_601).nextBytes(garbage);
        garbage[0] = '{';
        garbage[1] = (byte) 0xC3; // a start byte with no continuation: the first fault, at a known place
        garbage[2] = '!';
        Path f = write("garbage.json", garbage);
        validateFails(f, f + ":1:2: error request.not-utf8 /: " + NOT_UTF8 + " (invalid UTF-8 byte sequence starting"
                + " with byte 0xC3 at byte offset 1)");
        putEvents(f, 252, couldNotDecode(f));
    }

    // ---------------------------------------------------------------------------------------------------
    // Encodings

    @Test
    void invalidUtf8() throws IOException {
        Path f = write("latin1.json", GOOD.replace("play", "pl\u00e9y").getBytes(StandardCharsets.ISO_8859_1));
        int offset = GOOD.indexOf("play") + 2;
        validateFails(f, f + ":1:" + (offset + 1) + ": error request.not-utf8 /: " + NOT_UTF8 + " (invalid UTF-8 byte"
                + " sequence starting with byte 0xE9 at byte offset " + offset + ")");
        putEvents(f, 252, couldNotDecode(f));
    }

    @Test
    void utf8ByteOrderMark() throws IOException {
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        Path f = write("bom.json", bom);
        validateFails(f, f + ":1:1: error request.not-utf8 /: " + NOT_UTF8 + " (a UTF-8 byte order mark (EF BB BF) starts the"
                + " body)");
        // The AWS CLI reads the mark as text, so the value does not start with {: shorthand syntax, refused.
        putEventsFirstLine(f, 252, "Error parsing parameter '--events-request': Expected: '=', received: '\uFEFF'"
                + " for input:");
    }

    @Test
    void utf16AndUtf32() throws IOException {
        record Encoded(String name, byte[] bytes, String detail) {
        }
        for (Encoded e : List.of(
                new Encoded("utf16le.json", GOOD.getBytes(StandardCharsets.UTF_16LE),
                        "the body is UTF-16LE (NUL bytes among the first four)"),
                new Encoded("utf16-bom.json", GOOD.getBytes(StandardCharsets.UTF_16),
                        "a UTF-16BE byte order mark starts the body"),
                new Encoded("utf32be.json", GOOD.getBytes(java.nio.charset.Charset.forName("UTF-32BE")),
                        "the body is UTF-32BE (NUL bytes among the first four)"))) {
            Path f = write(e.name(), e.bytes());
            validateFails(f, f + ":1:1: error request.not-utf8 /: " + NOT_UTF8 + " (" + e.detail() + ")");
            Cli.Result r = putEvents(f);
            assertEquals(252, r.code(), r::toString);
            assertTrue(r.err().startsWith("\nError parsing parameter '--events-request': "), r::toString);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Depth and size

    @Test
    void tenThousandDeepNesting() throws IOException {
        for (String open : List.of("[", "{\"a\": ")) {
            String close = open.equals("[") ? "]" : "}";
            Path f = write("deep.json", "{\"BatchItem\": " + open.repeat(10_000) + "1" + close.repeat(10_000) + "}");
            validateFails(f, f + ": error request.malformed-json /: Document nesting depth (501) exceeds the maximum"
                    + " allowed (500, from `StreamReadConstraints.getMaxNestingDepth()`)");
            // Python's json decoder runs out of recursion; the AWS CLI prints that alone and exits 255.
            putEvents(f, 255, "\nmaximum recursion depth exceeded while decoding a JSON "
                    + (open.equals("[") ? "array" : "object") + " from a unicode string\n");
        }
    }

    /** As deep as the parser allows, where a list of strings belongs: every recursive walk survives it. */
    @Test
    void nestingAtTheLimit() throws IOException {
        int lists = 500 - 6; // body, BatchItem, ep, Endpoint, Attributes, then the lists
        String value = "[".repeat(lists) + "\"x\"" + "]".repeat(lists);
        Path f = write("deep-ok.json", "{\"BatchItem\": {\"ep\": {\"Endpoint\": {\"Attributes\": {\"a\": " + value
                + "}}, \"Events\": {\"e\": " + EVENT + "}}}}");
        Cli.Result v = validate(f);
        assertEquals(1, v.code(), v::toString);
        assertTrue(v.out().contains(": error request.type-mismatch [ep] /BatchItem/ep/Endpoint/Attributes/a/0:"),
                v::toString);
        Cli.Result p = putEvents(f);
        assertEquals(252, p.code(), p::toString);
        assertTrue(p.err().startsWith("\nParameter validation failed:\nInvalid type for parameter"
                + " EventsRequest.BatchItem.ep.Endpoint.Attributes.a[0], value: " + "[".repeat(lists - 1) + "'x'"
                + "]".repeat(lists - 1) + ", type: <class 'list'>, valid types: <class 'str'>\n"), p::toString);
    }

    @Test
    void aHundredMegabyteString() throws IOException {
        Path f = dir.resolve("100mb.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            out.write("{\"BatchItem\": {\"ep\": {\"Endpoint\": {\"Address\": \"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100_000_000 / chunk.length; i++) {
                out.write(chunk);
            }
            out.write(("\"}, \"Events\": {\"e\": " + EVENT + "}}}}").getBytes(StandardCharsets.US_ASCII));
        }
        long size = Files.size(f);
        assertTrue(size > 100_000_000 - (1 << 16), "100 MB");
        validateFails(f, f + ":1:1: error request.payload-too-large /: Request body exceeds the maximum size of 4 MB ("
                + size + " bytes)");
        putEvents(f, 254, TOO_LARGE);
        Cli.Result cliInput = timed(() -> Cli.run("put-events", "--cli-input-json", Cli.fileUri(f)));
        assertEquals(254, cliInput.code(), cliInput::toString);
        assertEquals(TOO_LARGE, cliInput.err());
        try (InputStream in = Files.newInputStream(f)) {
            Cli.Result stdin = timed(() -> Cli.run(in, "validate", "--no-warnings", "-"));
            assertEquals(1, stdin.code(), stdin::toString);
            // A stream is read no further than one byte past the limit: its size is not known, only that it is over.
            assertEquals("-:1:1: error request.payload-too-large /: Request body exceeds the maximum size of 4 MB ("
                    + 4_000_001 + " bytes)", stdin.out().lines().findFirst().orElse(""));
            noLeak(stdin);
        }
    }

    /** An NDJSON file with a 100 MB line between two ordinary ones: only that line is refused, by its size. */
    @Test
    void aHundredMegabyteNdjsonLine() throws IOException {
        Path f = dir.resolve("100mb.ndjson");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            out.write((GOOD + "\n{\"BatchItem\": {\"").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "y".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100_000_000 / chunk.length; i++) {
                out.write(chunk);
            }
            out.write(("\": {}}}\n" + GOOD + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        long line = Files.size(f) - 2L * (GOOD.length() + 1) - 1;
        Cli.Result r = validate(f);
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of(f + ":2:1: error request.payload-too-large /: Request body exceeds the maximum size of 4 MB"
                + " (" + line + " bytes)", f + ":2: FAIL request refused: PayloadTooLargeException (413): Request body"
                + " exceeds the maximum size of 4 MB", "3 requests in 1 file: 2 passed, 1 failed, 0 warnings"),
                r.out().lines().toList());
    }

    /** A million endpoints cannot fit in 4,000,000 bytes: refused by size, never parsed. */
    @Test
    void aMillionEndpoints() throws IOException {
        Path f = dir.resolve("million.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            out.write("{\"BatchItem\": {".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1_000_000; i++) {
                out.write(((i == 0 ? "" : ", ") + "\"" + Integer.toString(i, 36) + "\": {\"Endpoint\": {}, \"Events\": {}}")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            out.write("}}".getBytes(StandardCharsets.US_ASCII));
        }
        long size = Files.size(f);
        validateFails(f, f + ":1:1: error request.payload-too-large /: Request body exceeds the maximum size of 4 MB ("
                + size + " bytes)");
        putEvents(f, 254, TOO_LARGE);
    }

    /**
     * The largest body the service accepts is almost all endpoints (events are at most 100): 99,000 of them in
     * just under 4,000,000 bytes are accepted, within the heap and the time bound.
     */
    @Test
    void theMostEndpointsAnAcceptedBodyHolds() throws IOException {
        Path f = dir.resolve("max-endpoints.json");
        int endpoints = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            long size = 0;
            byte[] head = "{\"BatchItem\": {".getBytes(StandardCharsets.US_ASCII);
            out.write(head);
            size += head.length;
            while (true) {
                byte[] item = ((endpoints == 0 ? "" : ", ") + "\"" + Integer.toString(endpoints, 36)
                        + "\": {\"Endpoint\": {}, \"Events\": {}}").getBytes(StandardCharsets.US_ASCII);
                if (size + item.length + 2 > 4_000_000) {
                    break;
                }
                out.write(item);
                size += item.length;
                endpoints++;
            }
            out.write("}}".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(endpoints > 99_000, endpoints + " endpoints");
        Cli.Result r = validate(f);
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("1 request in 1 file: 1 passed, 0 failed, 0 warnings"), r.out().lines().toList());
        Cli.Result p = putEvents(f);
        assertEquals(0, p.code(), p::toString);
        assertTrue(p.out().startsWith(PUT_EVENTS_ACCEPTED), p::toString);
    }

    // ---------------------------------------------------------------------------------------------------
    // Numbers

    @Test
    void aNumberBeyondTheRangeOfADouble() throws IOException {
        Path f = write("1e400.json", metrics("1e400"));
        validateFails(f, f + ":1:68: error request.type-mismatch [ep/e] /BatchItem/ep/Events/e/Metrics/m: Request body"
                + " could not be deserialized: a member has the wrong JSON type (a number beyond the range of a double"
                + " (about 1.8e308), read as Infinity)");
        // The AWS CLI reads 1e400 as inf, a valid double, and sends Infinity, which the service cannot parse.
        Cli.Result r = putEvents(f);
        assertEquals(254, r.code(), r::toString);
        assertTrue(r.err().startsWith(String.format(SERVICE_ERROR, "BadRequestException", "Non-standard token"
                + " 'Infinity': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow").stripTrailing()),
                r::toString);
    }

    @Test
    void threeHundredDigitIntegersAreOrdinaryDoubles() throws IOException {
        Path f = write("300-digits.json", metrics("9".repeat(300)));
        Cli.Result r = validate(f);
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("1 request in 1 file: 1 passed, 0 failed, 0 warnings"), r.out().lines().toList());
        Cli.Result p = putEvents(f);
        assertEquals(0, p.code(), p::toString);
        assertTrue(p.out().startsWith(PUT_EVENTS_ACCEPTED), p::toString);
    }

    @Test
    void aNumberLongerThanTheParserAllows() throws IOException {
        Path f = write("1001-digits.json", metrics("9".repeat(1001)));
        validateFails(f, f + ": error request.malformed-json /: Number value length (1001) exceeds the maximum"
                + " allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)");
        putEventsFirstLine(f, 252, "Error parsing parameter '--events-request': Invalid JSON: Number value length"
                + " (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)");
    }

    @Test
    void nanAndInfinityLiterals() throws IOException {
        for (String literal : List.of("NaN", "Infinity", "-Infinity")) {
            Path f = write("non-numeric.json", metrics(literal));
            // Jackson places the finding just after the token, which starts at column 73.
            validateFails(f, f + ":1:" + (73 + literal.length()) + ": error request.malformed-json /:"
                    + " Non-standard token '" + literal + "': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to"
                    + " allow");
            // The AWS CLI reads them (Python's json) and sends them: the service refuses the body.
            Cli.Result r = putEvents(f);
            assertEquals(254, r.code(), r::toString);
            assertTrue(r.err().startsWith("\nAn error occurred (BadRequestException) when calling the PutEvents"
                    + " operation: Non-standard token '" + literal + "'"), r::toString);
        }
    }

    /**
     * Session.Duration is a Java int in the service: a number outside the 32-bit range fails deserialization.
     * Doubles beyond a long's range (1e19) once ended validate with "internal error" (networknt's bounds read
     * them with Jackson 3's asLong()).
     */
    @Test
    void hugeNumbersWhereAnIntegerBelongs() throws IOException {
        String mismatch = "error request.type-mismatch [ep/e] /BatchItem/ep/Events/e/Session/Duration: Request body"
                + " could not be deserialized: a member has the wrong JSON type";
        String above = mismatch + " (must have a maximum value of 2147483647)";
        String below = mismatch + " (must have a minimum value of -2147483648, the least 32-bit integer)";
        List<List<String>> cases = List.of(List.of("1e19", above, "1e+19"), List.of("-1e19", below, "-1e+19"),
                List.of("1.5e10", above, "15000000000.0"), List.of("1e308", above, "1e+308"),
                List.of("12345678901234567890123", above, ""), List.of("-12345678901234567890123", below, ""),
                List.of("-2147483649", below, ""));
        for (List<String> c : cases) {
            Path f = write("duration.json", "{\"BatchItem\": {\"ep\": {\"Endpoint\": {}, \"Events\": {\"e\": {"
                    + "\"EventType\": \"play\", \"Timestamp\": \"" + TS + "\", \"Session\": {\"Id\": \"s\","
                    + " \"StartTimestamp\": \"" + TS + "\", \"Duration\": " + c.get(0) + "}}}}}}");
            boolean isFloat = !c.get(2).isEmpty(); // the AWS CLI refuses a float for an integer before sending
            List<String> expected = new ArrayList<>(List.of(f + ":1:179: " + c.get(1)));
            if (isFloat) {
                expected.add(f + ":1:179: aws-cli client.invalid-type [ep/e] /BatchItem/ep/Events/e/Session/Duration:"
                        + " Invalid type for parameter EventsRequest.BatchItem.ep.Events.e.Session.Duration, value: "
                        + c.get(2) + ", type: <class 'float'>, valid types: <class 'int'>");
            }
            expected.add(f + ": FAIL request refused: BadRequestException (400): Request body could not be"
                    + " deserialized: a member has the wrong JSON type");
            expected.add("1 request in 1 file: 0 passed, 1 failed, 0 warnings");
            Cli.Result r = validate(f);
            assertEquals(1, r.code(), r::toString);
            assertEquals(expected, r.out().lines().toList(), c.get(0));
            if (isFloat) {
                putEventsFirstLine(f, 252, "Parameter validation failed:");
            } else {
                putEvents(f, 254, String.format(SERVICE_ERROR, "BadRequestException", "Request body could not be"
                        + " deserialized: a member has the wrong JSON type"));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Not quite JSON

    @Test
    void duplicateKeys() throws IOException {
        Path f = write("duplicate.json", GOOD.replace("\"EventType\": \"play\"", "\"EventType\": \"\", \"EventType\": \"play\""));
        // Jackson places the finding just after the repeated name (column 73).
        validateFails(f, f + ":1:84: error request.duplicate-member /: Request body must not name the same member twice"
                + " in one object (Duplicate Object property \"EventType\")");
        // The AWS CLI keeps the last value and sends one member: accepted.
        Cli.Result r = putEvents(f);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("\"e\": {\n                        \"Message\": \"Accepted\",\n"
                + "                        \"StatusCode\": 202\n"), r::toString);
    }

    @Test
    void commentsAndTrailingCommas() throws IOException {
        Path comment = write("comment.json", "// fixture\n" + GOOD);
        validateFails(comment, comment + ":1:1: error request.malformed-json /: Unexpected character ('/' (code 47)):"
                + " maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled"
                + " for parser)");
        putEventsFirstLine(comment, 252, "Error parsing parameter '--events-request': Expected: '=', received: 'f'"
                + " for input:");
        Path trailing = write("trailing-comma.json", GOOD.substring(0, GOOD.length() - 1) + ",}");
        validateFails(trailing, trailing + ":1:" + (GOOD.length() + 1) + ": error request.malformed-json /: Unexpected"
                + " character ('}' (code 125)): was expecting double-quote to start property name");
        putEventsFirstLine(trailing, 252, "Error parsing parameter '--events-request': Invalid JSON: Expecting"
                + " property name enclosed in double quotes: line 1 column " + (GOOD.length() + 1) + " (char "
                + GOOD.length() + ")");
    }

    @Test
    void topLevelArraysAndScalars() throws IOException {
        for (String[] c : new String[][] {{"[" + GOOD + "]", "ARRAY"}, {"42", "NUMBER"}, {"\"x\"", "STRING"},
            {"true", "BOOLEAN"}, {"null", "NULL"}}) {
            Path f = write("top-level.json", c[0]);
            validateFails(f, f + ":1:1: error request.not-an-object /: Request body must be a JSON object (" + c[1]
                    + ")");
            putEvents(f, 252, "\nError parsing parameter '--events-request': " + awsCliV2Error(c[0]) + "\n");
        }
    }

    /**
     * What AWS CLI v2 (2.9.19, Debian's awscli) says for each top-level value: text that does not start with
     * '[' or '{' goes to its shorthand parser, which wants a key and '=' (awscli/argprocess.py).
     */
    private static String awsCliV2Error(String value) {
        return switch (value) {
            case "42" -> "Expected: '=', received: 'EOF' for input:\n42\n  ^";
            case "\"x\"" -> "Expected: '=', received: '\"' for input:\n\"x\"\n^";
            case "true" -> "Expected: '=', received: 'EOF' for input:\ntrue\n    ^";
            case "null" -> "Expected: '=', received: 'EOF' for input:\nnull\n    ^";
            default -> "Invalid JSON:\n" + value;
        };
    }

    // ---------------------------------------------------------------------------------------------------

    private static String metrics(String value) {
        return "{\"BatchItem\": {\"ep\": {\"Endpoint\": {}, \"Events\": {\"e\": {\"Metrics\": {\"m\": " + value
                + "}, \"EventType\": \"play\", \"Timestamp\": \"" + TS + "\"}}}}}";
    }

    private static String couldNotDecode(Path f) {
        return "\nError parsing parameter '--events-request': Unable to load paramfile (" + f.toAbsolutePath()
                + "), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix"
                + " instead of the file:// prefix.\n";
    }

    private static Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static Cli.Result validate(Path file) {
        Cli.Result r = timed(() -> Cli.run("validate", "--no-warnings", file.toString()));
        noLeak(r);
        assertEquals("", r.err(), r::toString);
        return r;
    }

    /** validate refuses the one request with exactly this first finding line, and says so in two more. */
    private static void validateFails(Path file, String finding) {
        Cli.Result r = validate(file);
        List<String> lines = r.out().lines().toList();
        assertAll(file.getFileName().toString(),
                () -> assertEquals(1, r.code(), r::toString),
                () -> assertEquals(finding, lines.get(0)),
                () -> assertTrue(lines.get(lines.size() - 2).startsWith(file + ": FAIL request refused: "), r::toString),
                () -> assertEquals("1 request in 1 file: 0 passed, 1 failed, 0 warnings", lines.get(lines.size() - 1)));
    }

    private static Cli.Result putEvents(Path file) {
        Cli.Result r = timed(() -> Cli.run("put-events", "--application-id", "app", "--events-request",
                Cli.fileUri(file)));
        noLeak(r);
        return r;
    }

    private static void putEvents(Path file, int code, String stderr) {
        Cli.Result r = putEvents(file);
        assertEquals(code, r.code(), r::toString);
        assertEquals(stderr, r.err());
        assertEquals("", r.out());
    }

    /** The AWS CLI's parameter errors echo the JSON they got after the first line; the first line is exact. */
    private static void putEventsFirstLine(Path file, int code, String firstLine) {
        Cli.Result r = putEvents(file);
        assertEquals(code, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("\n"), r::toString);
        assertEquals(firstLine, r.err().substring(1).lines().findFirst().orElse(""));
    }

    private static Cli.Result timed(java.util.function.Supplier<Cli.Result> run) {
        return assertTimeoutPreemptively(BOUND, run::get);
    }

    private static void noLeak(Cli.Result r) {
        assertFalse(LEAK.matcher(r.out()).find() || LEAK.matcher(r.err()).find(), () -> "a leak: " + r);
    }
}
