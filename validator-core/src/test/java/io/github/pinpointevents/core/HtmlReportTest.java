package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.report.HtmlReport;
import io.github.pinpointevents.core.report.ReportFormat;
import io.github.pinpointevents.core.report.ReportWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate's HTML page: escaped, self-contained, the same bytes for the same run, bounded for large runs. */
class HtmlReportTest {

    @TempDir
    Path dir;

    private static String page(HtmlReport report, List<RequestResult> results) {
        StringWriter text = new StringWriter();
        ReportWriter writer = report.open(new PrintWriter(text));
        writer.writeAll(results);
        return text.toString();
    }

    private static List<RequestResult> validate(int threads, List<Path> files) throws Exception {
        List<RequestResult> results = new ArrayList<>();
        new FixtureValidator(PutEventsValidator.create(ValidatorConfig.defaults()), threads)
                .validateFiles(files, results::add);
        return results;
    }

    /** A sample copied without its expected sibling, so that its refusals are failures the page shows. */
    private Path failing(String sample) throws Exception {
        Path copy = dir.resolve(Path.of(sample).getFileName());
        Files.copy(TestPaths.repoRoot().resolve(sample), copy);
        return copy;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void marksTheOffendingTokenInTheFixturesLinesAndLinksItsRule() throws Exception {
        Path file = failing("samples/invalid/missing-event-type.json");
        String html = page(new HtmlReport(), validate(1, List.of(file)));

        // Line 16 of the sample is `"EventType": "",`: the finding points at the member, name and value.
        Matcher excerpt = Pattern.compile("<span class=\"ln\">16</span>(.*)\n").matcher(html);
        assertTrue(excerpt.find(), html);
        assertEquals("          <mark>&quot;EventType&quot;: &quot;&quot;</mark>,", excerpt.group(1));
        Matcher link = Pattern.compile("href=\"#rule-([^\"]+)\"").matcher(html);
        assertTrue(link.find(), html);
        assertTrue(html.contains("<dt id=\"rule-" + link.group(1) + "\">"), "the rule's entry is on the page");
        assertTrue(html.contains("<option value=\"" + link.group(1) + "\">"), "the rule is a filter option");
        assertTrue(html.contains("1 request in 1 file: 0 passed, 1 failed"), html);
    }

    @Test
    void escapesWhatTheFixtureAndItsNameHoldAndLoadsNothing() throws Exception {
        Path file = dir.resolve("a<b>&\"'.json");
        Files.writeString(file, """
                {"BatchItem": {"<script>alert(1)</script>": {"Endpoint": {}, "Events": {
                  "e1": {"EventType": "</pre><img src=x onerror=alert(2)>", "Timestamp": "yesterday"}}}}}
                """);
        String html = page(new HtmlReport(), validate(1, List.of(file)));

        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("a&lt;b&gt;&amp;&quot;&#39;.json"), html);
        assertTrue(html.contains("&lt;/pre&gt;&lt;img src=x onerror=alert(2)&gt;"), html);
        assertEquals(1, count(html, "<script>"), "only the page's own filter script");
        assertFalse(Pattern.compile("<(link|img|iframe)|<[^>]*\\ssrc=|href=\"(?!#)").matcher(html).find(),
                "nothing is loaded from elsewhere");
    }

    @Test
    void theSameRunGivesTheSameBytesWithOneThreadOrThree() throws Exception {
        List<Path> files = new ArrayList<>();
        try (var paths = Files.list(TestPaths.repoRoot().resolve("samples/invalid"))) {
            for (Path p : paths.sorted().toList()) {
                if (!p.getFileName().toString().contains(".expected.")) {
                    files.add(failing(TestPaths.repoRoot().relativize(p).toString()));
                }
            }
        }
        files.add(TestPaths.repoRoot().resolve("samples/valid/mixed-clients.ndjson"));
        String one = page(new HtmlReport(), validate(1, files));
        String three = page(new HtmlReport(), validate(3, files));

        assertEquals(one, three);
        assertEquals(one, page(new HtmlReport(), validate(1, files)));
        assertTrue(one.contains("<section class=\"request"), one);
    }

    @Test
    void aLargeRunShowsItsFirstRequestsAndSaysHowManyItLeftOut() throws Exception {
        Path file = dir.resolve("many.ndjson");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            lines.append("{\"BatchItem\": {\"ep\": {\"Endpoint\": {}, \"Events\": {\"e\": {\"EventType\": \"\","
                    + " \"Timestamp\": \"2025-03-14T09:26:53.589Z\"}}}}}\n");
        }
        Files.writeString(file, lines);
        List<RequestResult> results = validate(1, List.of(file));
        String html = page(new HtmlReport(2, 100), results);

        assertEquals(2, count(html, "<section class=\"request"));
        int findings = results.stream().mapToInt(r -> r.decision().errors().size() + r.parameterFindings().size()
                + r.decision().warnings().size()).sum();
        int perRequest = findings / 5;
        assertTrue(html.contains("shows the first 2 requests with findings (" + 2 * perRequest + " findings); 3 more"
                + " requests with " + 3 * perRequest + " findings are counted above but not shown"), html);
        assertTrue(html.contains("5 requests in 1 file: 0 passed, 5 failed"), html);
        assertTrue(html.contains("<span class=\"ln\">2</span>"), "an NDJSON finding shows its neighbours");
    }

    @Test
    void theFormatWritesTheSamePageAsTheReport() throws Exception {
        List<RequestResult> results = validate(1,
                List.of(failing("samples/invalid/missing-event-type.json")));
        StringWriter text = new StringWriter();
        ReportFormat.parse("html").open(new PrintWriter(text)).writeAll(results);

        assertEquals(page(new HtmlReport(), results), text.toString());
        assertEquals("pinpoint-events.html", ReportFormat.HTML.fileName());
    }
}
