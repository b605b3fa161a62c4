package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code pinpoint-events put-events}, the AWS CLI twin, through {@link Main#run}: botocore's parameter
 * validation (parity with the recorded cases and with the real {@code aws} binary), the service's answers,
 * output layout and exit codes (AWS CLI v2: 0, 252, 254).
 */
class PutEventsCommandTest {

    private static final String VALIDATION_HEADER = "\nParameter validation failed:\n";
    private static final String TS = "2024-01-01T00:00:00Z";

    // ---------------------------------------------------------------------------------------------------
    // Parity with botocore: every recorded case, through --cli-input-json file://...

    @TestFactory
    Stream<DynamicTest> everyBotocoreCaseThroughCliInputJson() throws IOException {
        List<Path> cases = botocoreCases();
        assertTrue(cases.size() >= 80, "expected the recorded botocore cases, found " + cases.size());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), dir.toUri(),
                () -> checkBotocoreCase(dir)));
    }

    private static void checkBotocoreCase(Path dir) throws IOException {
        // Python 3.11 knows Unicode 14; which characters its repr escapes follows the JDK's Unicode version.
        Assumptions.assumeFalse(dir.getFileName().toString().equals("repr-unicode-14")
                && Character.getType(0x1FAE0) == Character.UNASSIGNED,
                "this JDK predates Unicode 14 (JDK 19+ knows it); Python 3.11 prints these characters bare");
        Path input = dir.resolve("input.json");
        Path expectedFile = dir.resolve("expected.txt");
        assertTrue(Files.isRegularFile(input) && Files.isRegularFile(expectedFile),
                dir + " needs input.json and expected.txt");
        List<String> expected = lines(Files.readString(expectedFile, StandardCharsets.UTF_8));

        Cli.Result r = Cli.run("put-events", "--cli-input-json", Cli.fileUri(input));

        if (!expected.isEmpty()) {
            assertAll(dir.getFileName().toString(),
                    () -> assertEquals(252, r.code(), r::toString),
                    () -> assertEquals("", r.out(), "stdout"),
                    () -> assertEquals(VALIDATION_HEADER + String.join("\n", expected) + "\n", r.err(), "stderr"));
        } else {
            // botocore sends it: the service layer answers, with a response or a whole-request error.
            assertNotEquals(252, r.code(), r::toString);
            if (r.code() == 0) {
                assertTrue(r.out().startsWith("{\n    \"EventsResponse\": {\n        \"Results\": "), r::toString);
                assertEquals("", r.err());
            } else {
                assertEquals(254, r.code(), r::toString);
                assertEquals("", r.out());
                assertTrue(r.err().startsWith("\nAn error occurred ("), r::toString);
            }
        }
    }

    /** Recorded cases whose lines print no JSON object: --events-request gives the very same lines. */
    @ParameterizedTest
    @ValueSource(strings = {"missing-timestamp", "unknown-event", "maps-given-lists", "structures-given-scalars",
        "wrong-type-location", "missing-session-both", "null-event-members"})
    void botocoreCasesThroughEventsRequestArgument(String name) throws IOException {
        Path dir = Cli.botocoreCases().resolve(name);
        JsonNode input = Json.MAPPER.readTree(Files.readAllBytes(dir.resolve("input.json")));
        List<String> expected = lines(Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8));
        assertFalse(expected.isEmpty(), name + " is a refused case");
        assertTrue(expected.stream().noneMatch(l -> l.contains("{")), name + " must print no object");

        Cli.Result r = Cli.run("put-events", "--application-id", input.get("ApplicationId").stringValue(),
                "--events-request", Json.MAPPER.writeValueAsString(input.get("EventsRequest")));

        assertEquals(252, r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals(VALIDATION_HEADER + String.join("\n", expected) + "\n", r.err());
    }

    @Test
    void eventsRequestArgumentPrintsObjectsAsOrderedDicts() {
        String body = "{\"BatchItem\": {\"ep1\": {\"Endpoint\": {\"Location\": {\"Latitude\": {\"a\": 1}}},"
                + " \"Events\": {\"e1\": {\"EventType\": \"t\", \"Timestamp\": \"" + TS + "\"}}}}}";

        Cli.Result argument = Cli.run("put-events", "--application-id", "x", "--events-request", body);
        Cli.Result cliInput = Cli.run("put-events", "--cli-input-json",
                "{\"ApplicationId\": \"x\", \"EventsRequest\": " + body + "}");

        assertEquals(252, argument.code(), argument::toString);
        assertEquals(VALIDATION_HEADER
                + "Invalid type for parameter EventsRequest.BatchItem.ep1.Endpoint.Location.Latitude,"
                + " value: OrderedDict([('a', 1)]), type: <class 'collections.OrderedDict'>,"
                + " valid types: <class 'float'>, <class 'decimal.Decimal'>, <class 'int'>\n", argument.err());
        // --cli-input-json is parsed into plain dicts.
        assertEquals(252, cliInput.code(), cliInput::toString);
        assertEquals(VALIDATION_HEADER
                + "Invalid type for parameter EventsRequest.BatchItem.ep1.Endpoint.Location.Latitude,"
                + " value: {'a': 1}, type: <class 'dict'>,"
                + " valid types: <class 'float'>, <class 'decimal.Decimal'>, <class 'int'>\n", cliInput.err());
    }

    // ---------------------------------------------------------------------------------------------------
    // The service's answers

    @Test
    void acceptedRequestPrintsTheResponseAsAwsCliV2Does() {
        String body = "{\"BatchItem\": {"
                + "\"\u00e9p-1\": {\"Endpoint\": {\"ChannelType\": \"GCM\"}, \"Events\": {"
                + "\"e1\": {\"EventType\": \"play\", \"Timestamp\": \"" + TS + "\"},"
                + "\"e2\": {\"EventType\": \"stop\", \"Timestamp\": \"" + TS + "\"}}},"
                + "\"ep-2\": {\"Endpoint\": {}, \"Events\": {}}}}";

        Cli.Result r = Cli.run("put-events", "--application-id", "app", "--events-request", body);

        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        assertEquals("""
                {
                    "EventsResponse": {
                        "Results": {
                            "\u00e9p-1": {
                                "EndpointItemResponse": {
                                    "Message": "Accepted",
                                    "StatusCode": 202
                                },
                                "EventsItemResponse": {
                                    "e1": {
                                        "Message": "Accepted",
                                        "StatusCode": 202
                                    },
                                    "e2": {
                                        "Message": "Accepted",
                                        "StatusCode": 202
                                    }
                                }
                            },
                            "ep-2": {
                                "EndpointItemResponse": {
                                    "Message": "Accepted",
                                    "StatusCode": 202
                                },
                                "EventsItemResponse": {}
                            }
                        }
                    }
                }
                """, r.out());
    }

    @Test
    void partlyRefusedRequestIsStillAcceptedWithExitZero() {
        String body = "{\"BatchItem\": {\"ep\": {\"Endpoint\": {}, \"Events\": {"
                + "\"ok-1\": {\"EventType\": \"play\", \"Timestamp\": \"" + TS + "\"},"
                + "\"blank\": {\"EventType\": \"\", \"Timestamp\": \"" + TS + "\"},"
                + "\"ok-2\": {\"EventType\": \"stop\", \"Timestamp\": \"" + TS + "\"}}}}}";

        Cli.Result r = Cli.run("put-events", "--application-id", "app", "--events-request", body);

        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        assertEquals("""
                {
                    "EventsResponse": {
                        "Results": {
                            "ep": {
                                "EndpointItemResponse": {
                                    "Message": "Accepted",
                                    "StatusCode": 202
                                },
                                "EventsItemResponse": {
                                    "ok-1": {
                                        "Message": "Accepted",
                                        "StatusCode": 202
                                    },
                                    "blank": {
                                        "Message": "Event type cannot be null, empty or blank",
                                        "StatusCode": 400
                                    },
                                    "ok-2": {
                                        "Message": "Accepted",
                                        "StatusCode": 202
                                    }
                                }
                            }
                        }
                    }
                }
                """, r.out());
    }

    @Test
    void emptyBatchItemIsAWholeRequestError() {
        Cli.Result r = Cli.run("put-events", "--application-id", "app", "--events-request", "{\"BatchItem\": {}}");

        assertEquals(254, r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals("\nAn error occurred (BadRequestException) when calling the PutEvents operation:"
                + " BatchItem must contain at least one endpoint\n", r.err());
    }

    @Test
    void bodyOverFourMillionBytesIsPayloadTooLarge() {
        // The limit applies to the bytes botocore sends (json.dumps of the body), not to the text given.
        int base = PythonJson.dumps(bodyWithAttribute("")).length;
        String atLimit = Json.MAPPER.writeValueAsString(bodyWithAttribute("x".repeat(4_000_000 - base)));
        String overLimit = Json.MAPPER.writeValueAsString(bodyWithAttribute("x".repeat(4_000_001 - base)));
        assertEquals(4_000_000, PythonJson.dumps(Json.MAPPER.readTree(atLimit)).length);

        Cli.Result at = Cli.run("put-events", "--application-id", "app", "--events-request", atLimit);
        Cli.Result over = Cli.run("put-events", "--application-id", "app", "--events-request", overLimit);

        // At the limit the body is read, and the over-long attribute value fails its event alone.
        assertEquals(0, at.code(), at::toString);
        assertEquals("", at.err());
        JsonNode event = Json.MAPPER.readTree(at.out()).at("/EventsResponse/Results/ep/EventsItemResponse/e");
        assertEquals(400, event.get("StatusCode").intValue());
        assertEquals("Event attribute value length should be less than 200", event.get("Message").stringValue());

        assertEquals(254, over.code(), over::toString);
        assertEquals("", over.out());
        assertEquals("\nAn error occurred (PayloadTooLargeException) when calling the PutEvents operation:"
                + " Request body exceeds the maximum size of 4 MB\n", over.err());
    }

    @Test
    void moreThanHundredEventsInTotalIsABadRequest() {
        Cli.Result hundred = Cli.run("put-events", "--application-id", "app", "--events-request",
                Json.MAPPER.writeValueAsString(bodyWithEvents(50, 50)));
        Cli.Result hundredAndOne = Cli.run("put-events", "--application-id", "app", "--events-request",
                Json.MAPPER.writeValueAsString(bodyWithEvents(50, 51)));

        assertEquals(0, hundred.code(), hundred::toString);
        assertEquals("", hundred.err());
        assertEquals(254, hundredAndOne.code(), hundredAndOne::toString);
        assertEquals("", hundredAndOne.out());
        assertEquals("\nAn error occurred (BadRequestException) when calling the PutEvents operation:"
                + " Number of events in a request should be at most 100\n", hundredAndOne.err());
    }

    // ---------------------------------------------------------------------------------------------------
    // Parameters: --cli-input-json and its overrides, parameter files, bad JSON

    @Test
    void commandLineApplicationIdOverridesCliInputJson(@TempDir Path dir) throws IOException {
        Path doc = dir.resolve("input.json");
        Files.writeString(doc, "{\"ApplicationId\": 5, \"EventsRequest\": " + oneEvent("ep", "e") + "}");

        Cli.Result alone = Cli.run("put-events", "--cli-input-json", Cli.fileUri(doc));
        Cli.Result overridden = Cli.run("put-events", "--cli-input-json", Cli.fileUri(doc),
                "--application-id", "app");

        assertEquals(252, alone.code(), alone::toString);
        assertEquals(VALIDATION_HEADER + "Invalid type for parameter ApplicationId, value: 5, type: <class 'int'>,"
                + " valid types: <class 'str'>\n", alone.err());
        assertEquals(0, overridden.code(), overridden::toString);
        assertEquals("", overridden.err());
        assertEquals(202, Json.MAPPER.readTree(overridden.out())
                .at("/EventsResponse/Results/ep/EventsItemResponse/e/StatusCode").intValue());
    }

    @Test
    void commandLineEventsRequestOverridesCliInputJson(@TempDir Path dir) throws IOException {
        Path doc = dir.resolve("input.json");
        Files.writeString(doc, "{\"ApplicationId\": \"app\", \"EventsRequest\": {\"BatchItem\": {}}}");

        Cli.Result alone = Cli.run("put-events", "--cli-input-json", Cli.fileUri(doc));
        Cli.Result overridden = Cli.run("put-events", "--cli-input-json", Cli.fileUri(doc),
                "--events-request", oneEvent("from-command-line", "e"));
        Cli.Result withoutEventsRequestInDocument = Cli.run("put-events", "--cli-input-json",
                "{\"ApplicationId\": \"app\"}", "--events-request", oneEvent("ep", "e"));

        assertEquals(254, alone.code(), alone::toString);
        assertTrue(alone.err().endsWith(": BatchItem must contain at least one endpoint\n"), alone::toString);
        assertEquals(0, overridden.code(), overridden::toString);
        JsonNode results = Json.MAPPER.readTree(overridden.out()).at("/EventsResponse/Results");
        assertEquals(List.of("from-command-line"), fieldNames(results));
        assertEquals(0, withoutEventsRequestInDocument.code(), withoutEventsRequestInDocument::toString);
    }

    @Test
    void missingParameterFileIsAClientError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        Cli.Result r = Cli.run("put-events", "--application-id", "app", "--events-request", Cli.fileUri(missing));

        assertEquals(252, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("\nError parsing parameter '--events-request': Unable to load paramfile "),
                r::toString);
        assertEquals("\nError parsing parameter '--events-request': Unable to load paramfile "
                + Cli.fileUri(missing) + ": [Errno 2] No such file or directory: '" + missing + "'\n", r.err());
    }

    @Test
    void eventsRequestFromAParameterFile(@TempDir Path dir) throws IOException {
        Path body = dir.resolve("body.json");
        Files.writeString(body, oneEvent("ep", "e"));

        Cli.Result r = Cli.run("put-events", "--application-id", "app", "--events-request", Cli.fileUri(body));

        assertEquals(0, r.code(), r::toString);
        assertEquals(202, Json.MAPPER.readTree(r.out())
                .at("/EventsResponse/Results/ep/EventsItemResponse/e/StatusCode").intValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"BatchItem\": ", "{\"BatchItem\": {}} trailing", "[not json", "{'BatchItem': {}}"})
    void invalidJsonIsAClientError(String text) {
        // Python's json messages, e.g. "Expecting value: line 1 column 15 (char 14)"; checked by the parity suite.
        Cli.Result argument = Cli.run("put-events", "--application-id", "app", "--events-request", text);
        Cli.Result cliInput = Cli.run("put-events", "--cli-input-json", text);

        assertEquals(252, argument.code(), argument::toString);
        assertEquals("", argument.out());
        assertTrue(argument.err().startsWith("\nError parsing parameter '--events-request': Invalid JSON:"),
                argument::toString);
        assertEquals(252, cliInput.code(), cliInput::toString);
        // AWS CLI v2 does not say why a --cli-input-json document is not JSON.
        assertEquals("\nError parsing parameter 'cli-input-json': Invalid JSON received.\n", cliInput.err());
    }

    @Test
    void jsonArrayForEventsRequestIsAClientError() {
        Cli.Result r = Cli.run("put-events", "--application-id", "app", "--events-request",
                "[{\"BatchItem\": {}}]");

        assertEquals(252, r.code(), r::toString);
        assertEquals("", r.out());
        // awscli's argprocess: a structure parameter must be a JSON object.
        assertEquals("\nError parsing parameter '--events-request': Invalid JSON:\n[{\"BatchItem\": {}}]\n", r.err());
    }

    @Test
    void missingApplicationIdWithoutCliInputJsonIsAClientError() {
        Cli.Result r = Cli.run("put-events", "--events-request", oneEvent("ep", "e"));

        assertEquals(252, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("the following arguments are required: --application-id\n"), r::toString);
        assertFalse(r.err().contains("--events-request\n"), r::toString);
    }

    @Test
    void missingBothArgumentsNamesBoth() {
        Cli.Result r = Cli.run("put-events");

        assertEquals(252, r.code(), r::toString);
        assertTrue(r.err().contains("the following arguments are required: --application-id, --events-request\n"),
                r::toString);
    }

    // ---------------------------------------------------------------------------------------------------
    // --generate-cli-skeleton, global options, unknown options

    @Test
    void generateCliSkeletonInput() {
        Cli.Result bare = Cli.run("put-events", "--generate-cli-skeleton");
        Cli.Result input = Cli.run("put-events", "--generate-cli-skeleton", "input");

        assertEquals(0, bare.code(), bare::toString);
        assertEquals("", bare.err());
        assertEquals(bare.out(), input.out());
        assertTrue(input.out().startsWith("{\n    \"ApplicationId\": \"\",\n    \"EventsRequest\": {\n"),
                input::toString);
        JsonNode skeleton = Json.MAPPER.readTree(input.out());
        assertEquals(List.of("ApplicationId", "EventsRequest"), fieldNames(skeleton));
        JsonNode event = skeleton.at("/EventsRequest/BatchItem/KeyName/Events/KeyName");
        assertEquals(List.of("AppPackageName", "AppTitle", "AppVersionCode", "Attributes", "ClientSdkVersion",
                "EventType", "Metrics", "SdkName", "Session", "Timestamp"), fieldNames(event));
        assertEquals(0, event.at("/Session/Duration").intValue());
        assertTrue(event.at("/Session/Duration").isIntegralNumber(), "Duration is an integer");
        assertTrue(skeleton.at("/EventsRequest/BatchItem/KeyName/Endpoint/Location/Latitude").isDouble());

        // The skeleton is an input the AWS CLI would send as it is.
        Cli.Result fed = Cli.run("put-events", "--cli-input-json", input.out());
        assertNotEquals(252, fed.code(), fed::toString);
    }

    @Test
    void generateCliSkeletonOutput() {
        // AWS CLI v2 2.9.19 checks the parameters as if sending, then fills strings with their member's name.
        Cli.Result r = Cli.run("put-events", "--generate-cli-skeleton", "output", "--application-id", "app",
                "--events-request", oneEvent("ep", "e"));

        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        assertEquals("""
                {
                    "EventsResponse": {
                        "Results": {
                            "KeyName": {
                                "EndpointItemResponse": {
                                    "Message": "Message",
                                    "StatusCode": 0
                                },
                                "EventsItemResponse": {
                                    "KeyName": {
                                        "Message": "Message",
                                        "StatusCode": 0
                                    }
                                }
                            }
                        }
                    }
                }
                """, r.out());
    }

    @Test
    void generateCliSkeletonInvalidChoice() {
        Cli.Result r = Cli.run("put-events", "--generate-cli-skeleton", "yaml");

        assertEquals(252, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().endsWith("\naws: error: argument --generate-cli-skeleton: Invalid choice, valid choices"
                + " are:\n\ninput                                    | output                                  \n"
                + "yaml-input                              \n\n"), r::toString);
    }

    @Test
    void generateCliSkeletonOutputChecksTheParametersFirst() {
        Cli.Result r = Cli.run("put-events", "--generate-cli-skeleton", "output");

        assertEquals(252, r.code(), r::toString);
        assertTrue(r.err().endsWith("aws: error: the following arguments are required: --application-id,"
                + " --events-request\n\n"), r::toString);
    }

    @Test
    void globalAwsCliOptionsAreAcceptedAndIgnored() {
        String body = oneEvent("ep", "e");
        Cli.Result plain = Cli.run("put-events", "--application-id", "app", "--events-request", body);
        Cli.Result global = Cli.run("put-events", "--region", "us-east-1", "--output", "json", "--no-cli-pager",
                "--application-id", "app", "--events-request", body);
        Cli.Result more = Cli.run("put-events", "--profile", "dev", "--endpoint-url", "http://127.0.0.1:9",
                "--cli-connect-timeout", "1", "--cli-read-timeout", "1", "--debug", "--no-verify-ssl",
                "--application-id", "app", "--events-request", body, "--region", "eu-west-1");

        assertEquals(0, plain.code(), plain::toString);
        assertEquals(0, global.code(), global::toString);
        assertEquals(plain.out(), global.out());
        assertEquals("", global.err());
        assertEquals(0, more.code(), more::toString);
        assertEquals(plain.out(), more.out());
        assertEquals("", more.err());
    }

    @Test
    void unknownOptionIsAClientError() {
        Cli.Result r = Cli.run("put-events", "--application-id", "app", "--events-request", oneEvent("ep", "e"),
                "--bogus-option", "1");

        assertEquals(252, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("--bogus-option"), r::toString);
    }

    // ---------------------------------------------------------------------------------------------------
    // The real AWS CLI, run offline (pointed at a closed port on loopback), agrees with us

    /** Samples the AWS CLI refuses; bare bodies are wrapped into a CLI input document. */
    private static final List<String> REFUSED_SAMPLES = List.of("duration-as-float.json", "type-mismatch.json",
            "unknown-member.json");

    @Test
    void realAwsCliPrintsTheSameValidationLines(@TempDir Path dir) throws Exception {
        requireAwsCli();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (String name : REFUSED_SAMPLES) {
            Path sample = Cli.samples().resolve("invalid").resolve(name);
            String text = Files.readString(sample, StandardCharsets.UTF_8);
            Path doc = sample;
            if (!Json.MAPPER.readTree(text).has("EventsRequest")) {
                doc = dir.resolve(name);
                Files.writeString(doc, "{\"ApplicationId\": \"x\", \"EventsRequest\": " + text + "}");
            }
            commands.put(name, List.of("--cli-input-json", Cli.fileUri(doc)));
        }
        commands.put("--events-request with an object for a double", List.of("--application-id", "x",
                "--events-request", "{\"BatchItem\": {\"ep1\": {\"Endpoint\": {\"Location\": {\"Latitude\":"
                        + " {\"a\": 1}}}, \"Events\": {\"e1\": {\"EventType\": \"t\", \"Timestamp\": \"" + TS
                        + "\"}}}}}"));

        // Start every CLI at once: Python's start-up dominates.
        Map<String, Process> running = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> c : commands.entrySet()) {
            running.put(c.getKey(), startAws(c.getValue(), dir));
        }
        List<Runnable> checks = new ArrayList<>();
        for (Map.Entry<String, Process> p : running.entrySet()) {
            Process process = p.getValue();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                running.values().forEach(Process::destroyForcibly);
                fail("aws did not finish within 60 s for " + p.getKey());
            }
            String awsErr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            List<String> aws = linesAfterHeader(awsErr);
            if (aws == null) {
                fail("the AWS CLI did not refuse " + p.getKey() + "; its stderr:\n" + awsErr);
            }
            Cli.Result ours = Cli.run(Stream.concat(Stream.of("put-events"), commands.get(p.getKey()).stream())
                    .toArray(String[]::new));
            checks.add(() -> {
                assertEquals(252, ours.code(), () -> p.getKey() + ": " + ours);
                assertFalse(aws.isEmpty(), p.getKey());
                assertEquals(aws, linesAfterHeader(ours.err()), p.getKey() + ": ours differs from the AWS CLI");
            });
        }
        assertAll(checks.stream().map(c -> c::run));
    }

    private static void requireAwsCli() {
        try {
            Process version = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!version.waitFor(60, TimeUnit.SECONDS) || version.exitValue() != 0) {
                fail("`aws --version` failed: " + text);
            }
        } catch (IOException e) {
            Assumptions.abort("needs the AWS CLI (`aws`) on the PATH; this test compares our parameter validation"
                    + " with it. Install Debian's awscli: apt-get install awscli; .ci/run installs it ("
                    + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /** The real CLI, with dummy credentials, no config, no proxy, sending only to a closed port on loopback. */
    private static Process startAws(List<String> args, Path dir) throws IOException {
        List<String> command = new ArrayList<>(List.of("aws", "pinpoint", "put-events"));
        command.addAll(args);
        command.addAll(List.of("--endpoint-url", "http://127.0.0.1:9", "--cli-connect-timeout", "1",
                "--cli-read-timeout", "1"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        for (String name : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY",
                "all_proxy", "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_REGION")) {
            env.remove(name);
        }
        env.put("NO_PROXY", "*");
        env.put("no_proxy", "*");
        env.put("LC_ALL", "C.UTF-8");
        env.put("PYTHONIOENCODING", "utf-8");
        env.put("AWS_ACCESS_KEY_ID", "x");
        env.put("AWS_SECRET_ACCESS_KEY", "y");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return pb.start();
    }

    /** The lines after "Parameter validation failed:", or null when there is no such line. */
    private static List<String> linesAfterHeader(String stderr) {
        List<String> all = Arrays.asList(stderr.split("\n", -1));
        int header = all.indexOf("Parameter validation failed:");
        if (header < 0) {
            return null;
        }
        List<String> rest = new ArrayList<>(all.subList(header + 1, all.size()));
        while (!rest.isEmpty() && rest.get(rest.size() - 1).isEmpty()) {
            rest.remove(rest.size() - 1);
        }
        return rest;
    }

    // ---------------------------------------------------------------------------------------------------

    private static List<Path> botocoreCases() throws IOException {
        try (Stream<Path> children = Files.list(Cli.botocoreCases())) {
            return children.filter(Files::isDirectory).sorted().toList();
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

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    private static String oneEvent(String endpoint, String event) {
        return "{\"BatchItem\": {\"" + endpoint + "\": {\"Endpoint\": {}, \"Events\": {\"" + event
                + "\": {\"EventType\": \"play\", \"Timestamp\": \"" + TS + "\"}}}}}";
    }

    /** One endpoint "ep", one event "e" with attribute "a" holding the value. */
    private static ObjectNode bodyWithAttribute(String value) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode endpoint = body.putObject("BatchItem").putObject("ep");
        endpoint.putObject("Endpoint");
        endpoint.putObject("Events").putObject("e").put("EventType", "play").put("Timestamp", TS)
                .putObject("Attributes").put("a", value);
        return body;
    }

    /** Two endpoints with the given numbers of events. */
    private static ObjectNode bodyWithEvents(int first, int second) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode batch = body.putObject("BatchItem");
        int[] counts = {first, second};
        for (int ep = 0; ep < counts.length; ep++) {
            ObjectNode endpoint = batch.putObject("ep" + ep);
            endpoint.putObject("Endpoint");
            ObjectNode events = endpoint.putObject("Events");
            for (int i = 0; i < counts[ep]; i++) {
                events.putObject("ep" + ep + "-e" + i).put("EventType", "play").put("Timestamp", TS);
            }
        }
        return body;
    }
}
