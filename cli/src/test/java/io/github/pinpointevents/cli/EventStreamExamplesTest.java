package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.JsonCodec;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The event-stream examples of README.md and docs/event-stream.md run as the pages show them: every
 * {@code pinpoint-events} line of their {@code sh} blocks that generates records, checks them or serves with
 * {@code --event-stream}, in a fresh directory per page and in page order (so a validate line reads what the
 * generate lines above it wrote), through {@code sh} for redirections and globs. Each must exit 0; a serve line
 * runs on a free port and must append the record of an event it accepts. A {@code # first object: KEY} comment
 * must name a file the line above wrote.
 */
class EventStreamExamplesTest {

    private static final Pattern LISTENING = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** The example lines of a page's sh blocks, comments kept as their own lines, in page order. */
    private static List<String> shLines(String page) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        StringBuilder joined = new StringBuilder();
        for (String line : Files.readAllLines(Cli.repoRoot().resolve(page))) {
            if (!in && line.equals("```sh")) {
                in = true;
            } else if (in && line.equals("```")) {
                in = false;
            } else if (in) {
                joined.append(line.strip());
                if (line.endsWith("\\")) {
                    joined.setLength(joined.length() - 1);
                    continue;
                }
                lines.add(joined.toString());
                joined.setLength(0);
            }
        }
        return lines;
    }

    private static boolean isEventStreamCommand(String line) {
        return line.startsWith("pinpoint-events ") && line.contains("event-stream");
    }

    /** The command without a trailing comment or {@code &}. */
    private static String command(String line) {
        return line.replaceFirst("\\s+#\\s.*$", "").replaceFirst("\\s*&$", "");
    }

    @Test
    void theReadmeShowsTheThreeCommands() throws IOException {
        List<String> commands = shLines("README.md").stream().filter(EventStreamExamplesTest::isEventStreamCommand)
                .map(EventStreamExamplesTest::command).toList();
        assertTrue(commands.stream().anyMatch(c -> c.startsWith("pinpoint-events generate ")
                && c.matches(".*(-f|--format) event-stream.*")), commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.startsWith("pinpoint-events validate --kind event-stream ")),
                commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.startsWith("pinpoint-events serve ")
                && c.contains(" --event-stream ")), commands.toString());
    }

    @Test
    void theExamplesRunAsShown(@TempDir Path tmp) throws Exception {
        int ran = 0;
        for (String page : List.of("README.md", "docs/event-stream.md")) {
            Path dir = Files.createDirectories(tmp.resolve(page.replace('/', '-')));
            for (String line : shLines(page)) {
                if (line.startsWith("# first object: ")) {
                    Path key = dir.resolve(line.substring("# first object: ".length()));
                    assertTrue(Files.isRegularFile(key), page + " names an object the example writes: " + key);
                } else if (isEventStreamCommand(line)) {
                    String command = command(line);
                    if (command.startsWith("pinpoint-events serve ")) {
                        serve(page, dir, command);
                    } else {
                        shell(page, dir, command);
                    }
                    ran++;
                }
            }
        }
        assertTrue(ran >= 8, "event-stream examples run: " + ran);
    }

    /** Runs a generate or validate line through sh, with pinpoint-events on PATH as this build's CLI. */
    private static void shell(String page, Path dir, String command) throws Exception {
        Path bin = dir.resolveSibling("bin");
        Path launcher = bin.resolve("pinpoint-events");
        if (!Files.exists(launcher)) {
            Files.createDirectories(bin);
            Files.writeString(launcher, "#!/bin/sh\nexec \"$PP_JAVA\" -cp \"$PP_CP\" " + Main.class.getName()
                    + " \"$@\"\n");
            assertTrue(launcher.toFile().setExecutable(true));
        }
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PP_JAVA", JAVA);
        builder.environment().put("PP_CP", System.getProperty("java.class.path"));
        builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        try {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), page + ": did not end within 120 s: " + command);
            String out = new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), page + ": " + command + "\n" + out);
        } finally {
            process.destroyForcibly();
        }
    }

    /** Runs a serve line on a free port, sends it one event and finds that event's record in its event-stream file. */
    private static void serve(String page, Path dir, String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command.substring("pinpoint-events ".length()).split("\\s+")));
        int port = args.indexOf("--port");
        if (port >= 0) {
            args.set(port + 1, "0");
        } else {
            args.addAll(List.of("--port", "0"));
        }
        Path records = dir.resolve(args.get(args.indexOf("--event-stream") + 1));
        long before = Files.exists(records) ? Files.readAllLines(records).size() : 0;
        List<String> line = new ArrayList<>(List.of(JAVA, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        line.addAll(args);
        Process serve = new ProcessBuilder(line).directory(dir.toFile())
                .redirectError(dir.resolve("serve.err").toFile()).start();
        try {
            URI endpoint = URI.create(listening(serve, page + ": " + command));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/v1/apps/app-1/events"))
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("{\"BatchItem\":{\"ep-1\":"
                            + "{\"Endpoint\":{},\"Events\":{\"e-1\":{\"EventType\":\"play\","
                            + "\"Timestamp\":\"2025-03-14T09:26:53.589Z\"}}}}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, response.statusCode(), response.body());
            List<String> lines = Files.readAllLines(records);
            assertEquals(before + 1, lines.size(), page + ": one record appended by " + command);
            JsonNode record = JsonCodec.read(lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8));
            assertEquals("play", record.get("event_type").asString());
            assertEquals("app-1", record.at("/application/app_id").asString());
        } finally {
            serve.destroyForcibly();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String listening(Process serve, String what) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertNotNull(first, what + ": serve printed nothing");
        Matcher m = LISTENING.matcher(first);
        assertTrue(m.matches(), what + ": " + first);
        return m.group(1);
    }
}
