package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.report.ReportFile;
import io.github.pinpointevents.core.report.ReportFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * validate's HTML page in a real browser: Debian's chromium, driven by tools/browser/report-check.mjs with
 * playwright-core. It checks what a person sees (the summary above the requests, the marks, the filters, the
 * rule links, nothing fetched, no script error) and saves the screenshot docs/images/html-report.png.
 * .ci/run installs chromium and runs npm ci for tools/browser; elsewhere the test is skipped with the reason.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path TOOL = TestPaths.repoRoot().resolve("tools/browser");

    @TempDir
    Path dir;

    /** Fixtures named relative to the module, so that the screenshot shows the same names on every machine. */
    private static Path fixtureDir() throws java.io.IOException {
        Path fixtures = Path.of("target/html-report-browser");
        if (Files.isDirectory(fixtures)) {
            try (var old = Files.list(fixtures)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(fixtures);
    }

    @Test
    void thePageShowsItsSummaryFindingsAndFiltersInChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs Debian's chromium at " + CHROMIUM
                + " (apt-get install chromium; .ci/run installs it)");
        assumeTrue(Files.isDirectory(TOOL.resolve("node_modules/playwright-core")),
                "needs playwright-core: npm ci --prefix tools/browser (.ci/run runs it)");
        assumeTrue(onPath("node"), "needs node on the PATH");

        List<Path> fixtures = new ArrayList<>();
        Path named = fixtureDir();
        for (String sample : List.of("samples/invalid/missing-event-type.json",
                "samples/invalid/too-many-event-attributes.json", "samples/invalid/session-duration-mismatch.json")) {
            Path copy = named.resolve(Path.of(sample).getFileName()); // without its expected sibling: it fails
            Files.copy(TestPaths.repoRoot().resolve(sample), copy);
            fixtures.add(copy);
        }
        Path warned = named.resolve("warned.json");
        Files.writeString(warned, """
                {"BatchItem": {"ep1": {"Endpoint": {"Demographic": {"Locale": "en-US"}},
                  "Events": {"e1": {"EventType": "page.view", "Timestamp": "2025-03-14T09:26:53.589Z"}}}}}
                """);
        fixtures.add(warned);
        Path html = dir.resolve("report.html");
        try (ReportFile report = ReportFile.create(html, ReportFormat.HTML::open)) {
            new FixtureValidator(PutEventsValidator.create(ValidatorConfig.defaults()), 1)
                    .validateFiles(fixtures, report::add);
            report.commit();
        }
        Path screenshot = TestPaths.repoRoot().resolve("docs/images/html-report.png");
        Files.createDirectories(screenshot.getParent());

        JsonNode seen = Json.MAPPER.readTree(run(html, screenshot));

        assertEquals("pinpoint-events validate report", seen.get("title").stringValue());
        assertEquals("4 requests in 4 files: 1 passed, 3 failed, 1 warning", seen.get("summary").stringValue());
        assertTrue(seen.get("summaryAboveRequests").booleanValue(), seen::toString);
        int all = seen.get("all").size();
        assertTrue(all > 4, seen::toString);
        assertTrue(seen.get("marks").intValue() > 0, seen::toString);
        String rule = seen.get("rule").stringValue();
        assertTrue(seen.get("byRule").size() > 0 && seen.get("byRule").size() < all, seen::toString);
        seen.get("byRule").forEach(f -> assertTrue(f.stringValue().startsWith(rule + " "), seen::toString));
        assertEquals(seen.get("byRule").size() + " findings shown", seen.get("shownText").stringValue());
        assertEquals(1, seen.get("byKind").size(), seen::toString);
        assertTrue(seen.get("byKind").get(0).stringValue().endsWith(" warning"), seen::toString);
        assertTrue(seen.get("hash").stringValue().startsWith("#rule-"), seen::toString);
        assertEquals(0, seen.get("outside").size(), "the page fetches nothing: " + seen);
        assertEquals(0, seen.get("errors").size(), "no script error: " + seen);
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of a page, not of nothing");
    }

    /** Runs the browser script, bounded in time, and returns its one line of JSON. */
    private String run(Path html, Path screenshot) throws Exception {
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder("node", "report-check.mjs", html.toString(), screenshot.toString())
                .directory(TOOL.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(process.waitFor(180, TimeUnit.SECONDS), "chromium did not finish in 180 s");
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
