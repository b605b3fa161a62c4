package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code pinpoint-events validate}: verdicts, reports, exit codes 0/1/2, inputs from files, directories and stdin. */
class ValidateCommandTest {

    private static final String TS = "2024-01-01T00:00:00Z";
    private static final String GOOD = "{\"BatchItem\": {\"ep\": {\"Endpoint\": {}, \"Events\": {\"e\":"
            + " {\"EventType\": \"play\", \"Timestamp\": \"" + TS + "\"}}}}}";
    private static final String BLANK_TYPE = "{\"BatchItem\": {\"ep\": {\"Endpoint\": {}, \"Events\": {\"e\":"
            + " {\"EventType\": \"\", \"Timestamp\": \"" + TS + "\"}}}}}";
    private static final String EVENT_TYPE_BLANK = "Event type cannot be null, empty or blank";

    // ---------------------------------------------------------------------------------------------------
    // The bundled samples

    /** Any number of threads gives the same report, byte for byte, over the samples and a failing NDJSON file. */
    @Test
    void theReportDoesNotDependOnThreads(@TempDir Path dir) throws IOException {
        Path mixed = dir.resolve("mixed.ndjson");
        Files.writeString(mixed, String.join("\n", GOOD, BLANK_TYPE, GOOD, "{broken", BLANK_TYPE, GOOD) + "\n");
        String samples = Cli.samples().toString();
        for (String format : List.of("text", "json", "junit")) {
            Cli.Result one = Cli.run("validate", "--threads", "1", "--format", format, "-v", samples, mixed.toString());
            Cli.Result three = Cli.run("validate", "--threads", "3", "--format", format, "-v", samples,
                    mixed.toString());
            assertEquals(1, one.code(), one::toString);
            assertEquals(one, three);
        }
        Cli.Result zero = Cli.run("validate", "--threads", "0", samples);
        assertEquals(new Cli.Result(2, "", "pinpoint-events validate: Invalid value for option '--threads': '0' is not a whole number of 1 or more (see --help)\n"), zero);
    }

    @Test
    void validSamplesPass() throws IOException {
        Path valid = Cli.samples().resolve("valid");
        List<Path> files = fixtures(valid);
        int requests = 0;
        for (Path f : files) {
            requests += isNdjson(f) ? (int) Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count() : 1;
        }
        assertTrue(files.size() >= 5 && files.stream().anyMatch(ValidateCommandTest::isNdjson), "samples: " + files);

        Cli.Result text = Cli.run("validate", valid.toString());
        Cli.Result json = Cli.run("validate", "--format", "json", valid.toString());

        assertEquals(0, text.code(), text::toString);
        assertEquals("", text.err());
        assertTrue(text.out().endsWith(requests + " requests in " + files.size() + " files: " + requests
                + " passed, 0 failed, 0 warnings\n"), text::toString);
        assertEquals(0, json.code(), json::toString);
        JsonNode report = Json.MAPPER.readTree(json.out());
        assertEquals(requests, report.at("/summary/passed").intValue());
        for (JsonNode r : report.get("requests")) {
            assertTrue(r.get("passed").booleanValue(), r::toString);
            assertTrue(r.get("violations").isEmpty() && r.get("parameterValidation").isEmpty(), r::toString);
            assertTrue(r.at("/decision/EventsResponse").isObject(), r::toString);
        }
    }

    @Test
    void invalidSamplesMatchTheirExpectedSiblings() throws IOException {
        Path invalid = Cli.samples().resolve("invalid");
        List<Path> files = fixtures(invalid);
        assertTrue(files.size() >= 10, "samples: " + files);
        for (Path f : files) {
            assertTrue(Files.isRegularFile(sibling(f)), f + " has no expected sibling");
        }

        Cli.Result text = Cli.run("validate", invalid.toString());
        Cli.Result json = Cli.run("validate", "--format", "json", invalid.toString());

        assertEquals(0, text.code(), text::toString);
        assertTrue(text.out().endsWith(files.size() + " requests in " + files.size() + " files: " + files.size()
                + " passed, 0 failed, 0 warnings\n"), text::toString);
        assertEquals(0, json.code(), json::toString);
        JsonNode requests = Json.MAPPER.readTree(json.out()).get("requests");
        assertEquals(files.size(), requests.size());
        for (JsonNode r : requests) {
            assertEquals(sibling(Path.of(r.get("file").stringValue())).toString(), r.get("expectedFile").stringValue());
            assertTrue(r.get("mismatch").isNull(), r::toString);
            assertTrue(r.get("passed").booleanValue(), r::toString);
        }
    }

    @Test
    void everyInvalidSampleFailsWithoutItsSibling(@TempDir Path dir) throws IOException {
        List<Path> files = fixtures(Cli.samples().resolve("invalid"));
        for (Path f : files) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }

        Cli.Result r = Cli.run("validate", "--format", "json", dir.toString());

        assertEquals(1, r.code(), r::toString);
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertEquals(files.size(), report.at("/summary/failed").intValue(), r::toString);
        for (JsonNode request : report.get("requests")) {
            assertFalse(request.get("passed").booleanValue(), request::toString);
            assertFalse(request.get("violations").isEmpty() && request.get("parameterValidation").isEmpty(),
                    () -> "a failing request names its rule: " + request);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Reports

    @Test
    void textReportNamesFileLineColumnRuleIdsAndMessage(@TempDir Path dir) throws IOException {
        Path file = copySample("session-duration-mismatch.json", dir);
        String endpoint = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
        int[] at = position(Files.readString(file), "\"Duration\"");

        Cli.Result r = Cli.run("validate", file.toString());

        assertEquals(1, r.code(), r::toString);
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith(file + ":" + at[0] + ":" + at[1]
                + ": error event.session-duration-mismatch [" + endpoint + "/e-stop] /BatchItem/" + endpoint
                + "/Events/e-stop/Session/Duration: Session duration in milliseconds must be equal to the difference"
                + " of start and stop timestamp"), r::toString);
        assertEquals(file + ": FAIL 1 of 2 items refused", lines.get(1));
        assertEquals("1 request in 1 file: 0 passed, 1 failed, 0 warnings", lines.get(2));
    }

    @Test
    void unparsableInputFails(@TempDir Path dir) throws IOException {
        Path file = copySample("malformed-json.json", dir);
        Path empty = Files.writeString(dir.resolve("empty.json"), "");

        Cli.Result r = Cli.run("validate", file.toString());
        Cli.Result e = Cli.run("validate", empty.toString());

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains(file + ":2:1: error request.malformed-json /: Unexpected end-of-input"),
                r::toString);
        assertTrue(r.out().contains(file + ": FAIL request refused: BadRequestException (400): Unexpected"
                + " end-of-input"), r::toString);
        assertEquals(1, e.code(), e::toString);
        assertTrue(e.out().contains(empty + ":1:1: error request.not-an-object /: Request body must be a JSON object"),
                e::toString);
    }

    @Test
    void ndjsonFindingsCarryTheirLineNumbers(@TempDir Path dir) throws IOException {
        String line3 = BLANK_TYPE;
        Path file = Files.writeString(dir.resolve("batch.ndjson"),
                GOOD + "\n\n" + line3 + "\n" + GOOD + "\r\n" + "{\"BatchItem\": \n");
        int column = line3.indexOf("\"EventType\"") + 1;

        Cli.Result r = Cli.run("validate", file.toString());

        assertEquals(1, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith(file + ":3:" + column + ": error event.event-type-blank [ep/e]"
                + " /BatchItem/ep/Events/e/EventType: " + EVENT_TYPE_BLANK), r::toString);
        assertEquals(file + ":3: FAIL 1 of 2 items refused", lines.get(1));
        assertTrue(lines.get(2).startsWith(file + ":5:"), r::toString);
        assertTrue(lines.get(2).contains(": error request.malformed-json /: "), r::toString);
        assertTrue(lines.get(3).startsWith(file + ":5: FAIL request refused: BadRequestException (400): "),
                r::toString);
        assertEquals("4 requests in 1 file: 2 passed, 2 failed, 0 warnings", lines.get(4));
        assertEquals(5, lines.size(), r::toString);
    }

    @Test
    void jsonReportCarriesSummaryRuleIdsPointersAndPositions(@TempDir Path dir) throws IOException {
        String withWarning = "{\"BatchItem\": {\"ep\": {\"Endpoint\": {\"Demographic\": {\"Locale\": \"english\"}},"
                + " \"Events\": {\"e\": {\"EventType\": \"play\", \"Timestamp\": \"" + TS + "\"}}}}}";
        Path file = Files.writeString(dir.resolve("batch.jsonl"), GOOD + "\n" + BLANK_TYPE + "\n" + withWarning
                + "\n");

        Cli.Result r = Cli.run("validate", "--format", "json", file.toString());

        assertEquals(1, r.code(), r::toString);
        JsonNode report = Json.MAPPER.readTree(r.out());
        JsonNode summary = report.get("summary");
        assertAll(() -> assertEquals(1, summary.get("files").intValue()),
                () -> assertEquals(3, summary.get("requests").intValue()),
                () -> assertEquals(2, summary.get("passed").intValue()),
                () -> assertEquals(1, summary.get("failed").intValue()),
                () -> assertEquals(1, summary.get("warnings").intValue()));
        JsonNode requests = report.get("requests");
        assertEquals(List.of(1, 2, 3), List.of(requests.get(0).get("line").intValue(),
                requests.get(1).get("line").intValue(), requests.get(2).get("line").intValue()));
        assertFalse(requests.get(1).get("passed").booleanValue());
        JsonNode v = requests.get(1).get("violations").get(0);
        assertAll(() -> assertEquals("event.event-type-blank", v.get("ruleId").stringValue()),
                () -> assertEquals(EVENT_TYPE_BLANK, v.get("message").stringValue()),
                () -> assertEquals("/BatchItem/ep/Events/e/EventType", v.get("pointer").stringValue()),
                () -> assertEquals(2, v.get("line").intValue()),
                () -> assertEquals(BLANK_TYPE.indexOf("\"EventType\"") + 1, v.get("column").intValue()),
                () -> assertEquals("ep", v.get("endpointId").stringValue()),
                () -> assertEquals("e", v.get("eventId").stringValue()));
        assertEquals(400, requests.get(1)
                .at("/decision/EventsResponse/Results/ep/EventsItemResponse/e/StatusCode").intValue());
        JsonNode w = requests.get(2).get("warnings").get(0);
        assertTrue(requests.get(2).get("passed").booleanValue(), "warnings never fail a request");
        assertEquals("warn.locale-format", w.get("ruleId").stringValue());
        assertEquals("/BatchItem/ep/Endpoint/Demographic/Locale", w.get("pointer").stringValue());
        assertEquals(3, w.get("line").intValue());
    }

    @Test
    void outputOptionWritesTheReportToAFile(@TempDir Path dir) throws IOException {
        Path request = Files.writeString(dir.resolve("bad.json"), BLANK_TYPE);
        Path textReport = dir.resolve("reports/report.txt");
        Path jsonReport = dir.resolve("report.json");

        Cli.Result onStdout = Cli.run("validate", request.toString());
        Cli.Result text = Cli.run("validate", "--output", textReport.toString(), request.toString());
        Cli.Result json = Cli.run("validate", "--format", "json", "--output", jsonReport.toString(),
                request.toString());

        assertEquals(1, text.code(), text::toString);
        assertEquals("", text.out());
        assertEquals("", text.err());
        assertEquals(onStdout.out(), Files.readString(textReport));
        assertEquals(1, json.code(), json::toString);
        assertEquals("", json.out());
        assertEquals("event.event-type-blank", Json.MAPPER.readTree(jsonReport.toFile())
                .at("/requests/0/violations/0/ruleId").stringValue());
    }

    @Test
    void htmlFormatWritesOnePageWithTheFindingAndItsRule(@TempDir Path dir) throws IOException {
        Path request = Files.writeString(dir.resolve("bad.json"), BLANK_TYPE);
        Path page = dir.resolve("report.html");

        Cli.Result html = Cli.run("validate", "--format", "html", "--output", page.toString(), request.toString());
        Cli.Result stdout = Cli.run("validate", "--format", "html", request.toString());

        assertEquals(1, html.code(), html::toString);
        assertEquals("", html.out());
        String text = Files.readString(page);
        assertEquals(stdout.out(), text);
        assertTrue(text.startsWith("<!DOCTYPE html>"), text);
        assertTrue(text.contains("data-rule=\"event.event-type-blank\""), text);
        assertTrue(text.contains("<dt id=\"rule-event.event-type-blank\">"), text);
        assertTrue(text.contains("1 request in 1 file: 0 passed, 1 failed, 0 warnings"), text);
    }

    // ---------------------------------------------------------------------------------------------------
    // Verdicts

    @Test
    void strictFailsTheAppsOwnWarningsButNotWhatAnSdkSendsByItself(@TempDir Path dir) throws IOException {
        String request = "{\"BatchItem\": {\"ep\": {\"Endpoint\": {\"Demographic\": {\"Locale\": \"%s\"}},"
                + " \"Events\": {\"e\": {\"EventType\": \"page.view\", \"Timestamp\": \"2025-03-14T09:26:53.589Z\"}}}}}";
        Path sdk = Files.writeString(dir.resolve("sdk.json"), request.formatted("USA"));
        Path app = Files.writeString(dir.resolve("app.json"), request.formatted("en-US"));

        Cli.Result bySdk = Cli.run("validate", "--strict", sdk.toString());
        Cli.Result byApp = Cli.run("validate", "--strict", app.toString());

        assertEquals(0, bySdk.code(), bySdk::toString);
        assertEquals(sdk + ":1:" + (request.indexOf("\"Locale\"") + 1) + ": warning warn.locale-sdk-country [ep] /BatchItem/ep/Endpoint/Demographic/Locale:"
                + " Locale is an ISO 3166-1 alpha-3 country code, not ll_CC: amplify-android sends this by itself"
                + " and the app cannot change it, so it does not fail --strict (USA)\n"
                + "1 request in 1 file: 1 passed, 0 failed, 1 warning\n", bySdk.out());
        assertEquals(1, byApp.code(), byApp::toString);
        assertTrue(byApp.out().contains(": warning warn.locale-format [ep] "), byApp::toString);
        assertTrue(byApp.out().contains(app + ": FAIL"), byApp::toString);
    }

    @Test
    void theGeneratorsDefaultMixPassesStrict(@TempDir Path dir) throws IOException {
        Path requests = dir.resolve("requests.ndjson");
        Cli.Result generated = Cli.run("generate", "--seed", "7", "-n", "300", "--events-per-request", "100",
                "-o", requests.toString());
        assertEquals(0, generated.code(), generated::toString);

        Cli.Result strict = Cli.run("validate", "--strict", requests.toString());

        java.util.Set<String> warned = new java.util.TreeSet<>();
        strict.out().lines().map(java.util.regex.Pattern.compile(": warning (\\S+) ")::matcher)
                .filter(java.util.regex.Matcher::find).forEach(m -> warned.add(m.group(1)));
        assertEquals(0, strict.code(), () -> strict.out().lines().filter(l -> l.contains(": FAIL")).limit(5).toList()
                .toString());
        assertTrue(strict.out().matches("(?s).*\n300 requests in 1 file: 300 passed, 0 failed, [1-9]\\d* warnings\n"),
                "amplify-android's ISO-3 Locale is still reported");
        assertEquals(java.util.Set.of("warn.locale-sdk-country"), warned);
    }

    @Test
    void serviceOnlyPassesWhatOnlyTheAwsCliRefuses(@TempDir Path dir) throws IOException {
        // Session.Duration 20009.0 equals Stop - Start; only botocore's integer check refuses it.
        Path file = copySample("duration-as-float.json", dir);

        Cli.Result strict = Cli.run("validate", file.toString());
        Cli.Result serviceOnly = Cli.run("validate", "--service-only", file.toString());

        assertEquals(1, strict.code(), strict::toString);
        assertTrue(strict.out().contains(": aws-cli client.invalid-type [ep-1/e-stop]"
                + " /EventsRequest/BatchItem/ep-1/Events/e-stop/Session/Duration: Invalid type for parameter"
                + " EventsRequest.BatchItem.ep-1.Events.e-stop.Session.Duration, value: 20009.0,"
                + " type: <class 'float'>, valid types: <class 'int'>\n"), strict::toString);
        assertTrue(strict.out().contains(file + ": FAIL the AWS CLI refuses it before sending"), strict::toString);
        assertEquals(0, serviceOnly.code(), serviceOnly::toString);
        assertTrue(serviceOnly.out().endsWith("1 request in 1 file: 1 passed, 0 failed, 0 warnings\n"),
                serviceOnly::toString);
    }

    @Test
    void siblingThatDisagreesOnAnEventFails(@TempDir Path dir) throws IOException {
        Path file = copySample("event-attribute-key-too-long.json", dir);
        String event = "c44f3e31-0b6a-4bd2-9d1b-7f6f5b4e3d2c";
        ObjectNode expected = (ObjectNode) Json.MAPPER.readTree(
                Cli.samples().resolve("invalid/event-attribute-key-too-long.expected.json").toFile());
        ObjectNode status = (ObjectNode) expected.at("/EventsResponse/Results/bel/EventsItemResponse/" + event);
        status.put("StatusCode", 202).put("Message", "Accepted");
        Path sibling = dir.resolve("event-attribute-key-too-long.expected.json");
        Files.writeString(sibling, Json.MAPPER.writeValueAsString(expected));

        Cli.Result r = Cli.run("validate", file.toString());

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains(file + ": FAIL differs from " + sibling + ": bel/" + event
                + ": expected 202 \"Accepted\", decided 400 \"Event attribute key length should be less than 50.\"\n"),
                r::toString);
    }

    @Test
    void siblingThatDisagreesOnTheWholeRequestOrTheAwsCliLinesFails(@TempDir Path dir) throws IOException {
        Path emptyBatch = copySample("empty-batch.json", dir);
        Files.writeString(dir.resolve("empty-batch.expected.json"),
                "{\"Error\": {\"Code\": \"PayloadTooLargeException\", \"Message\": \"too big\", \"HTTPStatusCode\": 413}}");
        Path duration = copySample("duration-as-float.json", dir);
        ObjectNode expected = (ObjectNode) Json.MAPPER.readTree(
                Cli.samples().resolve("invalid/duration-as-float.expected.json").toFile());
        expected.putArray("ParameterValidation").add("something else");
        Files.writeString(dir.resolve("duration-as-float.expected.json"), Json.MAPPER.writeValueAsString(expected));

        Cli.Result r = Cli.run("validate", emptyBatch.toString(), duration.toString());

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains(emptyBatch + ": FAIL differs from " + dir.resolve("empty-batch.expected.json")
                + ": expected {\"Error\":{\"Code\":\"PayloadTooLargeException\""), r::toString);
        assertTrue(r.out().contains("decided {\"Error\":{\"Code\":\"BadRequestException\",\"Message\":\"BatchItem"
                + " must contain at least one endpoint\""), r::toString);
        assertTrue(r.out().contains(duration + ": FAIL differs from " + dir.resolve("duration-as-float.expected.json")
                + ": AWS CLI parameter validation: expected [something else], got [Invalid type for parameter"),
                r::toString);
        assertTrue(r.out().endsWith("2 requests in 2 files: 0 passed, 2 failed, 0 warnings\n"), r::toString);
    }

    @Test
    void directoriesAreSearchedRecursivelyAndExpectedFilesAreNotRequests(@TempDir Path dir) throws IOException {
        Path deep = Files.createDirectories(dir.resolve("a/b/c")).resolve("deep.json");
        Files.writeString(deep, GOOD);
        Path top = Files.writeString(dir.resolve("top.jsonl"), GOOD + "\n" + GOOD + "\n");
        // Neither is a request: as one, the expected file would fail (it holds no BatchItem).
        Files.writeString(dir.resolve("a/orphan.expected.json"),
                "{\"EventsResponse\": {\"Results\": {}}}");
        Files.writeString(dir.resolve("a/b/notes.txt"), "not a fixture");

        Cli.Result r = Cli.run("validate", "--format", "json", dir.toString());

        assertEquals(0, r.code(), r::toString);
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertEquals(2, report.at("/summary/files").intValue());
        assertEquals(3, report.at("/summary/requests").intValue());
        List<String> files = new ArrayList<>();
        report.get("requests").forEach(n -> files.add(n.get("file").stringValue()));
        assertEquals(List.of(deep.toString(), top.toString(), top.toString()), files);
    }

    // ---------------------------------------------------------------------------------------------------
    // Standard input

    @Test
    void dashReadsJsonFromStdin() {
        Cli.Result good = Cli.runWithStdin(GOOD, "validate", "-");
        Cli.Result bad = Cli.runWithStdin(BLANK_TYPE, "validate", "-");

        assertEquals(0, good.code(), good::toString);
        assertEquals("1 request in 1 file: 1 passed, 0 failed, 0 warnings\n", good.out());
        assertEquals(1, bad.code(), bad::toString);
        assertTrue(bad.out().startsWith("-:1:" + (BLANK_TYPE.indexOf("\"EventType\"") + 1)
                + ": error event.event-type-blank [ep/e] /BatchItem/ep/Events/e/EventType: " + EVENT_TYPE_BLANK),
                bad::toString);
        assertTrue(bad.out().contains("-: FAIL 1 of 2 items refused\n"), bad::toString);
    }

    @Test
    void dashReadsNdjsonFromStdin() {
        String cliInput = "{\"ApplicationId\": \"app\", \"EventsRequest\": " + GOOD + "}";
        Cli.Result r = Cli.runWithStdin(GOOD + "\n" + cliInput + "\n\n" + BLANK_TYPE + "\n",
                "validate", "--stdin-format", "ndjson", "-");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().startsWith("-:4:" + (BLANK_TYPE.indexOf("\"EventType\"") + 1)
                + ": error event.event-type-blank [ep/e] "), r::toString);
        assertTrue(r.out().contains("-:4: FAIL 1 of 2 items refused\n"), r::toString);
        assertTrue(r.out().endsWith("3 requests in 1 file: 2 passed, 1 failed, 0 warnings\n"), r::toString);
    }

    // ---------------------------------------------------------------------------------------------------
    // Usage and I/O errors: exit 2

    @Test
    void missingPathIsAUsageError(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.json");
        Path good = Files.writeString(dir.resolve("good.json"), GOOD);

        Cli.Result r = Cli.run("validate", good.toString(), missing.toString());

        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals("pinpoint-events validate: no such file or directory: " + missing + "\n", r.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        Path valid = Cli.samples().resolve("valid");
        Cli.Result format = Cli.run("validate", "--format", "xml", valid.toString());
        Cli.Result stdinFormat = Cli.run("validate", "--stdin-format", "csv", "-");
        Cli.Result unknown = Cli.run("validate", "--frobnicate", valid.toString());
        Cli.Result noPath = Cli.run("validate");

        for (Cli.Result r : List.of(format, stdinFormat, unknown, noPath)) {
            assertEquals(2, r.code(), r::toString);
            assertEquals("", r.out(), r::toString);
        }
        assertTrue(format.err().contains("Invalid value for option '--format'"), format::toString);
        assertTrue(format.err().contains("'xml'"), format::toString);
        assertTrue(stdinFormat.err().contains("'--stdin-format'"), stdinFormat::toString);
        assertTrue(unknown.err().contains("--frobnicate"), unknown::toString);
        assertTrue(noPath.err().contains("PATH"), noPath::toString);
    }

    /**
     * Found by MainFuzzTest: a NUL byte in --output printed picocli's default conversion message, which names
     * the JDK's exception class, and the NUL itself. Now one line, in words, with the NUL escaped.
     */
    @Test
    void anUnusablePathOrControlCharactersStayOnOneLineInWords() {
        Path valid = Cli.samples().resolve("valid");
        Cli.Result nul = Cli.run("validate", "--output", "x\u0000y", valid.toString());
        Cli.Result newline = Cli.run("validate", "--format", "json\nxml", valid.toString());

        assertEquals(2, nul.code(), nul::toString);
        assertEquals("pinpoint-events validate: Invalid value for option '--output': 'x\\u0000y' is not a valid path:"
                + " Nul character not allowed (see --help)\n", nul.err());
        assertEquals(2, newline.code(), newline::toString);
        assertEquals("pinpoint-events validate: Invalid value for option '--format': 'json\\u000axml' is not one of"
                + " text, json, sarif, junit, html (see --help)\n", newline.err());
    }

    // ---------------------------------------------------------------------------------------------------

    private static Path copySample(String name, Path dir) throws IOException {
        return Files.copy(Cli.samples().resolve("invalid").resolve(name), dir.resolve(name));
    }

    private static List<Path> fixtures(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".json") || isNdjson(p)) && !n.contains(".expected.");
            }).sorted().toList();
        }
    }

    private static boolean isNdjson(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".ndjson") || n.endsWith(".jsonl");
    }

    private static Path sibling(Path file) {
        String n = file.getFileName().toString();
        String stem = n.substring(0, n.lastIndexOf('.'));
        return file.resolveSibling(stem + (isNdjson(file) ? ".expected.ndjson" : ".expected.json"));
    }

    /** 1-based line and column of the first occurrence of the text. */
    private static int[] position(String content, String text) {
        int offset = content.indexOf(text);
        assertTrue(offset >= 0, text);
        String before = content.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = offset - (before.lastIndexOf('\n') + 1) + 1;
        return new int[] {line, column};
    }
}
