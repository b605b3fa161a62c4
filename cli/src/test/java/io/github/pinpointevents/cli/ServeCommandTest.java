package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.server.PinpointEventsServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** {@code pinpoint-events serve}: its options, and a real process stopped by a signal while it is busy. */
class ServeCommandTest {

    private static final Pattern LISTENING = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:(\\d+))");

    @Test
    void badOptionsGetOneLineAndExitCode2(@TempDir Path dir) {
        String missingDir = dir.resolve("no/such/dir/events.ndjson").toString();
        String[][] cases = {
            {"--port", "70000", "pinpoint-events serve: --port must be 0 to 65535: 70000"},
            {"--port", "http", "pinpoint-events serve: --port must be a number: http"},
            {"--threads", "0", "pinpoint-events serve: --threads must be at least 4: 0"},
            {"--max-events", "x", "pinpoint-events serve: --max-events must be a number: x"},
            {"--idle-timeout", "0", "pinpoint-events serve: --idle-timeout must be at least 1: 0"},
            {"--host", "0.0.0.0", "pinpoint-events serve: --host '0.0.0.0' is not a loopback address (127.0.0.1,"
                    + " ::1, localhost); listening on another interface must be allowed explicitly"
                    + " (add --allow-non-loopback)"},
            {"--host", "pinpoint.us-east-1.amazonaws.com", "pinpoint-events serve: --host"
                    + " 'pinpoint.us-east-1.amazonaws.com' is not a loopback address (127.0.0.1, ::1, localhost);"
                    + " listening on another interface must be allowed explicitly (add --allow-non-loopback)"},
            {"--record", missingDir, "pinpoint-events serve: cannot open the record file " + missingDir
                    + ": no such file or directory"},
            {"--record", dir.toString(), "pinpoint-events serve: cannot open the record file " + dir
                    + ": Is a directory"},
            {"--event-stream", missingDir, "pinpoint-events serve: cannot open the event-stream file " + missingDir
                    + ": no such file or directory"},
            {"--event-stream", dir.toString(), "pinpoint-events serve: cannot open the event-stream file " + dir
                    + ": Is a directory"},
            {"--event-stream", "a\u0000b", "pinpoint-events serve: --event-stream: Nul character not allowed: a\u0000b"},
        };
        for (String[] c : cases) {
            ServeTestSupport.Run run = ServeTestSupport.run("serve", c[0], c[1]);
            assertEquals(ServeCommand.USAGE, run.exitCode(), String.join(" ", c));
            assertEquals(c[2] + "\n", run.err(), String.join(" ", c));
            assertEquals("", run.out(), String.join(" ", c));
        }
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (PinpointEventsServer taken = PinpointEventsServer.builder().build().start()) {
            ServeTestSupport.Run run = ServeTestSupport.run("serve", "--port", String.valueOf(taken.port()));
            assertEquals(ServeCommand.USAGE, run.exitCode());
            assertEquals("pinpoint-events serve: cannot listen on 127.0.0.1 port " + taken.port()
                    + ": Address already in use\n", run.err());
        }
    }

    @Test
    void helpDocumentsTheUncheckedSignaturesAndTheRecordingApi() {
        ServeTestSupport.Run run = ServeTestSupport.run("serve", "--help");

        assertEquals(0, run.exitCode());
        String help = run.out();
        for (String text : List.of("SigV4 signatures and credentials are accepted without\nbeing checked",
                "GET    /_pinpoint-events/recorded-events", "DELETE /_pinpoint-events/recorded-events",
                "--record=FILE.ndjson", "--host=HOST", "--port=N", "--application-id=ID", "--allow-non-loopback",
                "--max-events=N", "--idle-timeout=SECONDS", "--max-connections=N", "--max-header-bytes=N",
                "--fsync", "--event-stream=FILE.ndjson", "arrival_timestamp", "UpdateEndpoint", "FILE.torn",
                "Listening on http://HOST:PORT", "x-amzn-ErrorType", "x-amzn-RequestId")) {
            assertTrue(help.contains(text), "help lacks '" + text + "':\n" + help);
        }
        assertTrue(ServeTestSupport.run("--help").out().contains("serve"), "the main help lists serve");
    }

    /**
     * A real serve process, busy with four clients, gets a signal: it exits as the JVM does on it, the record file
     * keeps what was there before, and every line is whole and holds an event the clients sent; every event a
     * client got 202 for is there.
     */
    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalNeverLeavesAPartialLine(String signal, int exitCode, @TempDir Path dir) throws Exception {
        Path record = dir.resolve("events.ndjson");
        Files.writeString(record, "{\"earlier\":\"run\"}\n");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--record", record.toString())
                .redirectError(dir.resolve("serve.err").toFile())
                .start();
        try {
            URI endpoint = URI.create(listeningLine(serve));
            Set<String> sent = ConcurrentHashMap.newKeySet();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.add(CompletableFuture.runAsync(() -> send(endpoint, client, stop, sent, acknowledged)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < 400 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(acknowledged.size() >= 400, "the clients got answers before the signal: " + acknowledged.size());

            // The shell's own kill: Java cannot send SIGINT, and the kill program (procps) may not be installed.
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + serve.pid()).start();
            assertEquals(0, kill.waitFor());
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve did not stop within 30 s of SIG" + signal);
            stop.set(true);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertEquals(exitCode, serve.exitValue());
            assertEquals("", Files.readString(dir.resolve("serve.err")));
            String text = Files.readString(record, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("{\"earlier\":\"run\"}\n"), "the earlier content is kept");
            assertTrue(text.endsWith("\n"), "the file ends with a whole line");
            List<String> lines = text.lines().skip(1).toList();
            Set<String> recorded = new HashSet<>();
            for (String line : lines) {
                JsonNode event = Json.MAPPER.readTree(line);   // throws on a partial line
                assertEquals("signal-app", event.get("ApplicationId").asString());
                assertTrue(recorded.add(event.get("EventId").asString()), "recorded twice: " + line);
            }
            assertTrue(sent.containsAll(recorded), "every recorded event was sent");
            assertTrue(recorded.containsAll(acknowledged), "every event answered 202 is recorded");
        } finally {
            serve.destroyForcibly();
        }
    }

    /** Posts 10-event requests until told to stop or the server goes away. */
    private static void send(URI endpoint, int client, AtomicBoolean stop, Set<String> sent, Set<String> acknowledged) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI events = endpoint.resolve("/v1/apps/signal-app/events");
        for (int r = 0; !stop.get() && r < 100_000; r++) {
            List<String> ids = new ArrayList<>();
            StringBuilder body = new StringBuilder("{\"BatchItem\":{\"ep-" + client + "\":{\"Endpoint\":{},\"Events\":{");
            for (int i = 0; i < 10; i++) {
                String id = client + "-" + r + "-" + i;
                ids.add(id);
                body.append(i == 0 ? "" : ",").append('"').append(id).append("\":{\"EventType\":\"tick\","
                        + "\"Timestamp\":\"2025-03-14T09:26:53.589Z\",\"Attributes\":{\"n\":\"").append(r).append("\"}}");
            }
            body.append("}}}}");
            sent.addAll(ids);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    acknowledged.addAll(ids);
                }
            } catch (IOException e) {
                return;   // the server is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String listeningLine(Process serve) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String first = line.get(60, TimeUnit.SECONDS);
        assertNotNull(first, "serve printed nothing; exit " + (serve.isAlive() ? "-" : serve.exitValue()));
        Matcher m = LISTENING.matcher(first);
        if (!m.matches()) {
            fail("unexpected first line: " + first);
        }
        return m.group(1);
    }
}
