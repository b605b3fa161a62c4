package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.server.PinpointEventsServer;
import io.github.pinpointevents.server.RecordedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real AWS CLI, pointed at serve with {@code --endpoint-url}, prints exactly what {@code pinpoint-events
 * put-events} prints for the same {@code --cli-input-json} file: standard output, standard error, and the exit
 * code as the installed CLI's major version maps it (see {@link #expectedAwsExitCode}).
 *
 * <p>The AWS CLI must be installed ({@code aws} on the PATH, or {@code -Dpinpoint.aws.cli=PATH}); CI installs
 * it. It talks only to the server on 127.0.0.1: credentials are fake, config files are /dev/null, proxies and
 * instance metadata are off, and it makes one attempt per call. Both AWS CLI v1 (pip) and v2 (Debian's awscli
 * 2.9.19) pass.
 */
class AwsCliEndToEndTest {

    private static final String AWS = System.getProperty("pinpoint.aws.cli", "aws");
    private static final String APP = "e2e-app";

    private static int awsMajorVersion;
    private static PinpointEventsServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServerAndFindTheAwsCli() throws Exception {
        awsMajorVersion = awsMajorVersion();
        server = PinpointEventsServer.builder().build().start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void forgetRecordedEvents() {
        server.clearRecordedEvents();
    }

    @Test
    void anAcceptedRequest() throws Exception {
        Path input = cliInput(ServeTestSupport.sample("valid/amplify-js-page-views.json"));

        Outcome outcome = compare(input, 0);

        JsonNode events = Json.MAPPER.readTree(Files.readAllBytes(input)).at("/EventsRequest/BatchItem");
        List<String> sent = new ArrayList<>();
        events.properties().forEach(ep -> ep.getValue().get("Events").propertyNames()
                .forEach(id -> sent.add(ep.getKey() + "/" + id)));
        assertEquals(6, sent.size());
        assertEquals(sent, outcome.recorded().stream().map(e -> e.endpointId() + "/" + e.eventId()).toList());
        assertTrue(outcome.recorded().stream().allMatch(e -> e.applicationId().equals(APP)));
        assertEquals(events.at("/" + outcome.recorded().get(0).endpointId() + "/Events/"
                + outcome.recorded().get(0).eventId()), outcome.recorded().get(0).event());
    }

    @Test
    void anAcceptedCliInputDocumentWithItsOwnApplicationId() throws Exception {
        Path input = ServeTestSupport.sample("valid/amplify-swift-sign-in.json");
        String applicationId = Json.MAPPER.readTree(Files.readAllBytes(input)).get("ApplicationId").asString();

        Outcome outcome = compare(input, 0);

        assertEquals(6, outcome.recorded().size());
        assertTrue(outcome.recorded().stream().allMatch(e -> e.applicationId().equals(applicationId)));
    }

    @Test
    void aPartlyRejectedRequest() throws Exception {
        Outcome outcome = compare(cliInput(ServeTestSupport.sample("invalid/event-attribute-key-too-long.json")), 0);

        assertTrue(outcome.stdout().contains("\"Message\": \"Event attribute key length should be less than 50.\",\n"
                + "                        \"StatusCode\": 400"), outcome.stdout());
        assertEquals(List.of("d55a4f42-1c7b-4ce3-8e2c-8a7a6c5f4e3d"),
                outcome.recorded().stream().map(RecordedEvent::eventId).toList());
    }

    @Test
    void aWhollyRejectedRequest() throws Exception {
        Outcome outcome = compare(cliInput(ServeTestSupport.sample("invalid/too-many-events.json")),
                PutEventsCommand.SERVICE_ERROR);

        assertEquals("\nAn error occurred (BadRequestException) when calling the PutEvents operation:"
                + " Number of events in a request should be at most 100\n", outcome.stderr());
        assertEquals(List.of(), outcome.recorded());
    }

    @Test
    void aRequestOverFourMegabytes() throws Exception {
        // samples/invalid/payload-too-large.json is padded with whitespace, which botocore does not send again.
        ObjectNode input = Json.MAPPER.createObjectNode().put("ApplicationId", APP);
        input.putObject("EventsRequest").putObject("BatchItem").putObject("ep-1").<ObjectNode>set("Endpoint",
                Json.MAPPER.createObjectNode()).putObject("Events").putObject("e-1")
                .put("EventType", "log").put("Timestamp", "2025-03-14T09:26:53.589Z")
                .putObject("Attributes").put("text", "x".repeat(PinpointEventsServer.MAX_BODY_BYTES));
        Path file = dir.resolve("too-large.cli-input.json");
        Files.write(file, Json.MAPPER.writeValueAsBytes(input));

        Outcome outcome = compare(file, PutEventsCommand.SERVICE_ERROR);

        assertEquals("\nAn error occurred (PayloadTooLargeException) when calling the PutEvents operation:"
                + " Request body exceeds the maximum size of 4 MB\n", outcome.stderr());
    }

    @Test
    void aRequestTheAwsCliRefusesBeforeSendingIt() throws Exception {
        // botocore's own parameter validation: nothing reaches the server.
        Outcome outcome = compare(cliInput(ServeTestSupport.sample("invalid/missing-event-type.json")),
                PutEventsCommand.CLIENT_ERROR);

        assertEquals("\nParameter validation failed:\nMissing required parameter in EventsRequest.BatchItem."
                + "1b0a2f3c-4d5e-4f60-8a71-92b3c4d5e6f7.Events.undefined: \"EventType\"\n", outcome.stderr());
        assertEquals(List.of(), outcome.recorded());
    }

    /**
     * Runs the AWS CLI against the server and put-events in process on the same file; asserts the same output,
     * put-events' exit code, and the AWS CLI's exit code for it.
     */
    private Outcome compare(Path cliInput, int expectedExitCode) throws Exception {
        ServeTestSupport.Run ours = ServeTestSupport.run("put-events", "--cli-input-json", "file://" + cliInput);
        assertEquals(expectedExitCode, ours.exitCode(), "put-events exit code; stderr: " + ours.err());

        Process aws = awsProcess(false, "pinpoint", "put-events", "--endpoint-url", server.endpoint().toString(),
                "--region", "us-east-1", "--cli-input-json", "file://" + cliInput);
        Path out = dir.resolve("aws.out");
        Path err = dir.resolve("aws.err");
        int awsExit = waitFor(aws, out, err);
        String awsOut = Files.readString(out, StandardCharsets.UTF_8);
        String awsErr = Files.readString(err, StandardCharsets.UTF_8);

        assertEquals(ours.out(), awsOut, "standard output of aws and put-events");
        assertEquals(ours.err(), awsErr, "standard error of aws and put-events");
        assertEquals(expectedAwsExitCode(ours.exitCode()), awsExit, "aws exit code; stderr: " + awsErr);
        return new Outcome(awsOut, awsErr, server.recordedEvents());
    }

    /**
     * put-events follows AWS CLI v2's exit codes (https://docs.aws.amazon.com/cli/latest/topic/return-codes.html):
     * 252 when the CLI refuses the parameters, 254 when the service refuses the request. AWS CLI v1 (the pip-installed aws-cli 1.x) exits 255 for both, and 0 on
     * success like v2; so with v1 installed, 252 and 254 map to 255.
     */
    private static int expectedAwsExitCode(int putEventsExitCode) {
        if (awsMajorVersion >= 2) {
            return putEventsExitCode;
        }
        return switch (putEventsExitCode) {
            case 0 -> 0;
            case PutEventsCommand.CLIENT_ERROR, PutEventsCommand.SERVICE_ERROR -> 255;
            default -> throw new AssertionError("no AWS CLI v1 exit code for " + putEventsExitCode);
        };
    }

    /** A CLI input document for a bare EventsRequest sample; CLI input samples are used as they are. */
    private Path cliInput(Path sample) throws IOException {
        byte[] bytes = Files.readAllBytes(sample);
        JsonNode body = Json.MAPPER.readTree(bytes);
        if (body.has("ApplicationId")) {
            return sample;
        }
        ObjectNode input = Json.MAPPER.createObjectNode();
        input.put("ApplicationId", APP);
        input.set("EventsRequest", body);
        Path file = dir.resolve(sample.getFileName().toString().replace(".json", ".cli-input.json"));
        Files.write(file, Json.MAPPER.writeValueAsBytes(input));
        return file;
    }

    private static int awsMajorVersion() throws Exception {
        Process version;
        try {
            version = awsProcess(true, "--version");
        } catch (IOException e) {
            return Assumptions.abort("needs the AWS CLI: cannot run '" + AWS + "' (" + e.getMessage() + "). These"
                    + " end-to-end tests compare it with put-events; install it (Debian package awscli, or pip"
                    + " install awscli; .ci/run installs it) or set -Dpinpoint.aws.cli=/path/to/aws.");
        }
        Path out = Files.createTempFile("aws-version", ".txt");
        try {
            int exit = waitFor(version, out, null);
            String text = Files.readString(out, StandardCharsets.UTF_8).trim();
            Matcher m = Pattern.compile("aws-cli/(\\d+)\\.").matcher(text);
            if (exit != 0 || !m.find()) {
                return fail("'" + AWS + " --version' does not look like the AWS CLI (exit " + exit + "): " + text);
            }
            return Integer.parseInt(m.group(1));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Process awsProcess(boolean mergeStderr, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(AWS);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        // Nothing from the developer's own AWS set-up may reach the CLI, and nothing may leave loopback.
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.equalsIgnoreCase("http_proxy")
                || name.equalsIgnoreCase("https_proxy") || name.equalsIgnoreCase("all_proxy"));
        env.put("AWS_ACCESS_KEY_ID", "x");
        env.put("AWS_SECRET_ACCESS_KEY", "y");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        // One attempt, so a retryable answer could not hide behind a retry. Only for v1 (retry mode "legacy",
        // which asks whether an error is retryable before counting attempts). v2 knows only "standard" and
        // "adaptive", which with AWS_MAX_ATTEMPTS=1 mark every error as having used up its attempts, and the
        // CLI then prints "... the PutEvents operation (reached max retries: 0): ...". With v2's default of 3
        // attempts a non-retryable error prints as users normally see it; serve never answers a retryable one here.
        if (awsMajorVersion < 2) {
            env.put("AWS_MAX_ATTEMPTS", "1");
        }
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CLI_AUTO_PROMPT", "off");
        env.put("NO_PROXY", "127.0.0.1,localhost");
        env.put("no_proxy", "127.0.0.1,localhost");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectErrorStream(mergeStderr);
        return builder.start();
    }

    private static int waitFor(Process process, Path out, Path err) throws Exception {
        // Pumping to files keeps a full pipe from blocking the CLI.
        Thread outPump = pump(process.getInputStream(), out);
        Thread errPump = err == null ? null : pump(process.getErrorStream(), err);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the AWS CLI did not finish within 120 s");
        }
        outPump.join(10_000);
        if (errPump != null) {
            errPump.join(10_000);
        }
        return process.exitValue();
    }

    private static Thread pump(java.io.InputStream in, Path file) {
        Thread t = new Thread(() -> {
            try (in) {
                Files.write(file, in.readAllBytes(), java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.start();
        return t;
    }

    private record Outcome(String stdout, String stderr, List<RecordedEvent> recorded) {
    }
}
