package io.github.pinpointevents.server;

import static io.github.pinpointevents.server.TestSupport.json;
import static io.github.pinpointevents.server.TestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.pinpointevents.core.generate.GeneratedRequest;
import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.generate.RequestGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard at {@code /} in a real browser: Debian's chromium, driven by tools/browser/dashboard-check.mjs
 * with playwright-core, against a server receiving the generator's traffic (a quarter of it invalid), a 413 and a
 * session whose stop has the wrong Duration. It checks live arrival, each filter, refused-only, a refused
 * event's detail, the session view, export, clear and that nothing else is fetched and no script fails, and saves
 * docs/images/dashboard-*.png. .ci/run installs chromium and runs npm ci for tools/browser; elsewhere the test
 * is skipped with the reason.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path TOOL = TestSupport.repoRoot().resolve("tools/browser");
    private static final String SESSION = "c024eae8-6f0b-4c1d-9a2e-3b4c5d6e7f80";
    /** The longest wall time a task of the page may take under 10,000 events (see {@link #assertPageWork}). */
    private static final long WALL_BOUND_MILLIS = 1_500;

    @TempDir
    Path dir;

    @Test
    void theDashboardShowsLiveFilteredRefusedAndSessionViews() throws Exception {
        assumeBrowser();

        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            List<GeneratedRequest> traffic = RequestGenerator.create(GeneratorConfig.builder().seed(13).count(40)
                    .invalidRate(0.25).output(dir.resolve("traffic.ndjson")).build()).stream().toList();
            for (GeneratedRequest r : traffic) {
                post(server, "/v1/apps/" + r.applicationId() + "/events", r.body());
            }
            post(server, "/v1/apps/" + traffic.get(0).applicationId() + "/events",
                    new byte[PinpointEventsServer.MAX_BODY_BYTES + 1]);
            String endpoint = "/v1/apps/app-phone/endpoints/ep-phone";
            TestSupport.send(java.net.http.HttpRequest.newBuilder(TestSupport.uri(server, endpoint))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"OptOut\":\"NONE\"}")));
            TestSupport.send(java.net.http.HttpRequest.newBuilder(TestSupport.uri(server, endpoint)));
            post(server, "/v1/apps/app-sessions/events", session("e-start", "_session.start", null));
            post(server, "/v1/apps/app-sessions/events", session("e-stop", "_session.stop", 20008));

            Path images = TestSupport.repoRoot().resolve("docs/images");
            Files.createDirectories(images);
            JsonNode seen = json(run("dashboard-check.mjs", server.endpoint().toString(), images.toString(), SESSION));

            assertEquals("pinpoint-events dashboard", seen.get("title").asString());
            assertTrue(seen.get("initialRows").asInt() > 40, seen::toString);
            assertTrue(seen.get("newestFirst").asBoolean(), seen::toString);
            assertEquals("live.check", seen.get("liveTop").asString(), seen::toString);
            assertEquals(1, seen.get("liveRowsAdded").asInt(), seen::toString);
            assertEquals(0, seen.get("loads").asInt(), "the live row came without a reload: " + seen);
            JsonNode endpointRow = seen.get("endpointRow");
            assertEquals(202, endpointRow.get("put").asInt(), seen::toString);
            assertEquals(List.of("UpdateEndpoint", "202", "app-phone", "ep-registered"), List.of(
                    endpointRow.get("cells").get(3).asString(), endpointRow.get("cells").get(2).asString(),
                    endpointRow.get("cells").get(4).asString(), endpointRow.get("cells").get(5).asString()));
            assertEquals("?kind=endpoint", seen.get("byKind").get("url").asString());
            assertEquals(List.of("UpdateEndpoint 202", "GetEndpoint 404", "UpdateEndpoint 400"),
                    TestSupport.strings(seen.get("byKind").get("operations")), seen::toString);
            for (String f : List.of("byApp", "byEndpoint", "byType", "byStatus", "bySession")) {
                JsonNode r = seen.get(f);
                assertTrue(r.get("count").asInt() > 0 && r.get("all").asBoolean(), f + ": " + seen);
            }
            assertEquals(1, seen.get("byApp").get("count").asInt(), seen::toString);
            assertEquals("?applicationId=app-live", seen.get("byApp").get("url").asString());
            assertEquals("?status=413", seen.get("byStatus").get("url").asString());
            assertEquals(1, seen.get("byStatus").get("count").asInt(), seen::toString);
            assertEquals(2, seen.get("bySession").get("count").asInt(), seen::toString);
            assertEquals(1, seen.get("byText").get("count").asInt(), seen::toString);
            JsonNode refused = seen.get("refusedOnly");
            assertTrue(refused.get("count").asInt() > 2 && refused.get("all").asBoolean(), seen::toString);
            assertEquals("true", refused.get("pressed").asString());
            assertEquals("?status=refused", refused.get("url").asString());
            assertTrue(seen.get("refusedAfterReload").asBoolean(), seen::toString);

            JsonNode detail = seen.get("detail");
            String rule = detail.get("rule").asString();
            assertTrue(rule.startsWith("event.") || rule.startsWith("endpoint."), seen::toString);
            assertTrue(List.of("observed", "documented", "inferred").contains(detail.get("provenance").asString()));
            assertTrue(!detail.get("source").asString().isBlank(), seen::toString);

            JsonNode sessionView = seen.get("sessionView");
            assertEquals("2021-05-25T06:09:30.632Z", sessionView.get("start").asString());
            assertEquals("2021-05-25T06:09:50.641Z", sessionView.get("stop").asString());
            assertEquals("20008 ms", sessionView.get("duration").asString());
            assertEquals(1, sessionView.get("arithmetic").size(), seen::toString);
            assertTrue(sessionView.get("arithmetic").get(0).asString().matches("_session\\.stop #\\d+: Stop − Start"
                    + " = 20009 ms; Duration = 20008 ms: not equal \\(event\\.session-duration-mismatch\\)"),
                    seen::toString);
            assertEquals(2, sessionView.get("events").asInt());
            assertEquals(2, sessionView.get("dots").asInt());
            assertTrue(sessionView.get("url").asString().contains("session=" + SESSION), seen::toString);

            assertEquals(seen.get("refusedShown").asInt(), seen.get("exportLines").size(), seen::toString);
            seen.get("exportLines").forEach(s -> assertTrue(s.asInt() != 202, seen::toString));
            assertTrue(seen.get("afterClear").asString().contains("Waiting for events"), seen::toString);
            assertEquals(1, seen.get("afterClearRows").asInt(), seen::toString);
            assertEquals(0, seen.get("outside").size(), "the page fetches nothing else: " + seen);
            assertEquals(0, seen.get("errors").size(), "no console error: " + seen);
            for (String shot : List.of("dashboard-live.png", "dashboard-refused.png", "dashboard-session.png")) {
                assertTrue(Files.size(images.resolve(shot)) > 20_000, shot + " shows a page");
            }
        }
    }

    /**
     * 10,000+ generated events (a quarter of the requests invalid) posted while the page is open, then the same
     * ring as a backlog after a reload. Bounds are generous for a loaded 2-core CI machine but real: the page
     * must catch up, spend no more than 250 ms of main-thread CPU on one task, and paint a filter change, the
     * refused-only toggle, a free-text search, a scroll and a detail within a second. docs/dashboard.md has the measured numbers.
     */
    @Test
    void aPageWith10000EventsStaysResponsive() throws Exception {
        assumeBrowser();
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            Path traffic = dir.resolve("load.ndjson");
            int events = 0;
            int requests = 0;
            StringBuilder lines = new StringBuilder();
            var generated = RequestGenerator.create(GeneratorConfig.builder().seed(1313).count(5_000)
                    .invalidRate(0.25).output(dir.resolve("unused.ndjson")).build()).stream().iterator();
            while (events < 12_000 && generated.hasNext()) {
                GeneratedRequest r = generated.next();
                events += Math.max(1, r.eventCount());
                requests++;
                lines.append("{\"app\":\"").append(r.applicationId()).append("\",\"body\":\"")
                        .append(java.util.Base64.getEncoder().encodeToString(r.body())).append("\"}\n");
            }
            assertTrue(events >= 12_000, "the generator gave " + events + " events in " + requests + " requests");
            Files.writeString(traffic, lines);

            JsonNode seen = json(run("dashboard-load-check.mjs", server.endpoint().toString(), traffic.toString(),
                    dir.toString()));
            System.out.println("dashboard under load: " + seen);
            JsonNode arrival = seen.get("arrival");
            assertEquals(requests, arrival.get("requests").asInt(), seen::toString);
            assertTrue(arrival.get("entries").asInt() >= 10_000, seen::toString);
            assertTrue(arrival.get("counts").asString().startsWith("10000 held"), seen::toString);
            assertEquals(60, arrival.get("rows").asInt(), "the page draws the newest 60 at first: " + seen);
            assertTrue(arrival.get("caughtUpMs").asLong() < 60_000, seen::toString);
            assertPageWork(arrival, seen);
            JsonNode backlog = seen.get("backlog");
            assertTrue(backlog.get("counts").asString().startsWith("10000 held"), seen::toString);
            assertTrue(backlog.get("caughtUpMs").asLong() < 30_000, seen::toString);
            assertPageWork(backlog, seen);

            JsonNode done = seen.get("interactions");
            for (String step : List.of("filterApp", "filterAppOff", "filterType", "filterTypeOff", "refusedOnly",
                    "refusedOff", "freeText", "freeTextOff", "scrollMore", "detail")) {
                assertTrue(done.get(step).get("ms").asLong() < 1_000, step + " painted within 1 s: " + seen);
                assertLongTasksUnder(WALL_BOUND_MILLIS, done.get(step).get("longTasks"), seen);
            }
            assertTrue(backlog.get("filterType").get("ms").asLong() < 1_000, seen::toString);
            assertTrue(done.get("filterAppRowsMatch").asBoolean(), seen::toString);
            assertEquals(160, done.get("scrollMore").get("rows").asInt(), "scrolling down draws 100 more: " + seen);
            assertTrue(done.get("filterTypeRowsMatch").asBoolean(), seen::toString);
            assertTrue(done.get("freeText").get("shown").asString().matches(".* of \\d{3,4} matching events.*"),
                    seen::toString);
            assertTrue(done.get("refusedRowsMatch").asBoolean(), seen::toString);
            assertTrue(done.get("detailShown").asString().startsWith("Event "), seen::toString);
            assertEquals(0, seen.get("errors").size(), "no console error: " + seen);
        }
    }

    /**
     * No task of the page takes 250 ms of main-thread CPU (from the Chromium trace), and no long task takes
     * {@link #WALL_BOUND_MILLIS} of wall time. The wall time of a task also counts what the machine gave to other
     * processes: on a 2-core machine at load 14 a task of 32 ms CPU took 465 ms, so the CPU bound is the tight one.
     */
    private static void assertPageWork(JsonNode phase, JsonNode seen) {
        assertTrue(phase.get("taskCpuMs").size() > 0, "the trace has the page's tasks: " + seen);
        assertTrue(phase.get("taskCpuMs").get(0).asLong() < 250, "a task of "
                + phase.get("taskCpuMs").get(0) + " ms main-thread CPU: " + seen);
        assertLongTasksUnder(WALL_BOUND_MILLIS, phase.get("longTasks"), seen);
    }

    private static void assertLongTasksUnder(long millis, JsonNode durations, JsonNode seen) {
        durations.forEach(d -> assertTrue(d.asDouble() < millis, "a long task of " + d + " ms: " + seen));
    }

    private static void assumeBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs Debian's chromium at " + CHROMIUM
                + " (apt-get install chromium; .ci/run installs it)");
        assumeTrue(Files.isDirectory(TOOL.resolve("node_modules/playwright-core")),
                "needs playwright-core: npm ci --prefix tools/browser (.ci/run runs it)");
        assumeTrue(onPath("node"), "needs node on the PATH");
    }

    /** One event of the session {@link #SESSION}; with a duration, it stops 20009 ms after the start. */
    private static byte[] session(String eventId, String type, Integer duration) {
        String stop = duration == null ? "" : ",\"StopTimestamp\":\"2021-05-25T06:09:50.641Z\",\"Duration\":" + duration;
        String at = duration == null ? "2021-05-25T06:09:30.632Z" : "2021-05-25T06:09:50.641Z";
        return ("{\"BatchItem\":{\"ep-phone\":{\"Endpoint\":{\"ChannelType\":\"APNS\"},\"Events\":{\"" + eventId
                + "\":{\"EventType\":\"" + type + "\",\"Timestamp\":\"" + at + "\",\"Session\":{\"Id\":\"" + SESSION
                + "\",\"StartTimestamp\":\"2021-05-25T06:09:30.632Z\"" + stop + "}}}}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Runs a browser script of tools/browser, bounded in time, and returns its one line of JSON. */
    private String run(String script, String... args) throws Exception {
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        List<String> command = new java.util.ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(TOOL.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(process.waitFor(240, TimeUnit.SECONDS), "chromium did not finish in 240 s");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> readQuietly(err));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.getMessage();
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
