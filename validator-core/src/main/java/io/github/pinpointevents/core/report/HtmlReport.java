package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.Version;
import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.rules.Rule;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML page for people: the style and the few lines of script are inline, nothing is
 * loaded from elsewhere, so the file opens from a CI artifact or a mail attachment as it is. Each request
 * with a finding gets its decision and every finding with the fixture's lines around it, the offending
 * token marked and a link to its rule's entry at the end of the page; rule and kind filters hide the rest.
 *
 * <p>The page is written as the results arrive. The summary and the filters are known only at the end, so
 * they are written last and the style shows them first. A run of any size stays a page a browser opens:
 * at most {@link #MAX_REQUESTS} requests are shown, and at most {@link #MAX_FINDINGS} findings in all, each
 * with at most five lines of {@value SourceExcerpts#WIDTH} characters; the summary counts everything and
 * says how much was left out. Passing requests without findings are counted, not listed.
 */
public final class HtmlReport {

    /** Requests shown in full; the summary counts the rest. */
    public static final int MAX_REQUESTS = 500;
    /** Findings shown in all, with their excerpts. */
    public static final int MAX_FINDINGS = 2_000;

    private final int maxRequests;
    private final int maxFindings;

    public HtmlReport() {
        this(MAX_REQUESTS, MAX_FINDINGS);
    }

    /** A page with other bounds, for tests of the bounds. */
    public HtmlReport(int maxRequests, int maxFindings) {
        this.maxRequests = maxRequests;
        this.maxFindings = maxFindings;
    }

    public ReportWriter open(PrintWriter out) {
        out.print("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>pinpoint-events validate report</title>
                <style>
                """);
        out.print(STYLE);
        out.print("</style>\n</head>\n<body>\n<main id=\"requests\">\n");
        return new Writer(out);
    }

    private final class Writer implements ReportWriter {
        private final PrintWriter out;
        private final Summary.Tally tally = new Summary.Tally();
        private final SourceExcerpts excerpts = new SourceExcerpts();
        /** Rules seen, in id order, with how many findings each: the filter's options. */
        private final Map<String, Integer> seen = new TreeMap<>();
        private final Map<String, Rule> rules = new TreeMap<>();
        private int shownRequests;
        private int shownFindings;
        private int hiddenRequests;
        private int hiddenFindings;

        Writer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void add(RequestResult r) {
            tally.add(r);
            boolean details = !r.passed() || r.expectedFile() == null;
            List<Finding> errors = details ? r.decision().errors() : List.of();
            List<Finding> client = details ? r.parameterFindings() : List.of();
            List<Finding> warnings = r.decision().warnings();
            int count = errors.size() + client.size() + warnings.size();
            for (List<Finding> list : List.of(errors, client, warnings)) {
                list.forEach(f -> {
                    seen.merge(f.rule().id(), 1, Integer::sum);
                    rules.putIfAbsent(f.rule().id(), f.rule());
                });
            }
            if (r.passed() && count == 0) {
                return;
            }
            if (shownRequests >= maxRequests || shownFindings >= maxFindings) {
                hiddenRequests++;
                hiddenFindings += count;
                return;
            }
            shownRequests++;
            String verdict = r.passed() ? (r.expectedFile() == null ? "passes" : "passes, as " + r.expectedFile()
                    + " expects") : "FAIL " + TextReport.verdict(r);
            out.print("<section class=\"request " + (r.passed() ? "pass" : "fail") + "\" id=\"request-"
                    + shownRequests + "\">\n<h2><span class=\"verdict\">" + (r.passed() ? "pass" : "fail")
                    + "</span> " + escape(r.name()) + "</h2>\n<p class=\"decision\">" + escape(verdict) + "</p>\n");
            out.print("<ul class=\"findings\">\n");
            findings(r, "error", errors);
            findings(r, "aws-cli", client);
            findings(r, "warning", warnings);
            out.print("</ul>\n</section>\n");
        }

        private void findings(RequestResult r, String kind, List<Finding> list) {
            for (Finding f : list) {
                if (shownFindings >= maxFindings) {
                    hiddenFindings++;
                    continue;
                }
                shownFindings++;
                String id = f.rule().id();
                out.print("<li class=\"finding " + kind + "\" data-rule=\"" + escape(id) + "\" data-kind=\"" + kind
                        + "\">\n<p><span class=\"kind\">" + kind + "</span> <a class=\"rule\" href=\"#rule-"
                        + escape(id) + "\">" + escape(id) + "</a> <code class=\"pointer\">"
                        + escape(f.pointer().isEmpty() ? "/" : f.pointer()) + "</code>"
                        + (f.line() > 0 ? " <span class=\"at\">line " + f.line() + ", column " + f.column()
                                + "</span>" : "")
                        + (f.endpointId() == null ? "" : " <span class=\"item\">" + escape(f.endpointId()
                                + (f.eventId() == null ? "" : "/" + f.eventId())) + "</span>")
                        + "</p>\n<p class=\"message\">" + escape(f.message()) + (f.detail() == null
                                || f.message().contains(f.detail()) ? "" : " (" + escape(f.detail()) + ")")
                        + "</p>\n");
                excerpt(excerpts.around(r.source(), f.line() > 0 ? f.line() : r.line(), f.column()));
                out.print("</li>\n");
            }
        }

        private void excerpt(List<SourceExcerpts.Line> lines) {
            if (lines.isEmpty()) {
                return;
            }
            out.print("<pre class=\"excerpt\">");
            for (SourceExcerpts.Line line : lines) {
                String text = line.text();
                out.print("<span class=\"ln\">" + line.number() + "</span>" + (line.cutBefore() ? "…" : ""));
                if (line.markFrom() >= 0) {
                    out.print(escape(text.substring(0, line.markFrom())) + "<mark>"
                            + escape(text.substring(line.markFrom(), line.markTo())) + "</mark>"
                            + escape(text.substring(line.markTo())));
                } else {
                    out.print(escape(text));
                }
                out.print((line.cutAfter() ? "…" : "") + "\n");
            }
            out.print("</pre>\n");
        }

        @Override
        public void finish() {
            excerpts.close();
            Summary s = tally.summary();
            out.print("</main>\n<header>\n<h1>pinpoint-events validate</h1>\n<p class=\"version\">pinpoint-events "
                    + escape(Version.get()) + "</p>\n</header>\n");
            out.print("<section id=\"summary\" class=\"" + (s.failed() == 0 ? "pass" : "fail") + "\">\n<p>"
                    + escape(TextReport.summaryLine(s).text()) + "</p>\n");
            if (hiddenRequests > 0) {
                out.print("<p class=\"bounded\">This page shows the first " + shownRequests + " requests with"
                        + " findings (" + shownFindings + " findings); " + hiddenRequests + " more requests with "
                        + hiddenFindings + " findings are counted above but not shown. The json or sarif"
                        + " format holds them all.</p>\n");
            } else if (hiddenFindings > 0) {
                out.print("<p class=\"bounded\">" + hiddenFindings + " findings after the first " + shownFindings
                        + " are counted but not shown. The json or sarif format holds them all.</p>\n");
            }
            out.print("<p class=\"note\">Passing requests without findings are counted, not listed.</p>\n"
                    + "</section>\n");
            out.print("<nav id=\"filters\">\n<label>Rule <select id=\"rule-filter\">\n"
                    + "<option value=\"\">all rules</option>\n");
            seen.forEach((id, n) -> out.print("<option value=\"" + escape(id) + "\">" + escape(id) + " (" + n
                    + ")</option>\n"));
            out.print("</select></label>\n<label>Kind <select id=\"kind-filter\">\n"
                    + "<option value=\"\">all kinds</option>\n<option value=\"error\">error</option>\n"
                    + "<option value=\"aws-cli\">aws-cli</option>\n<option value=\"warning\">warning</option>\n"
                    + "</select></label>\n<span id=\"shown\"></span>\n</nav>\n");
            out.print("<section id=\"rules\">\n<h2>Rules found</h2>\n<dl>\n");
            rules.values().forEach(rule -> out.print("<dt id=\"rule-" + escape(rule.id()) + "\">" + escape(rule.id())
                    + " <span class=\"level\">" + rule.level().label() + " " + rule.severity().label()
                    + "</span></dt>\n<dd><p>" + escape(rule.description()) + "</p>\n<p class=\"source\">Source: "
                    + escape(rule.source()) + "</p></dd>\n"));
            out.print("</dl>\n</section>\n<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n");
            out.flush();
        }
    }

    /** Escapes text for an element or a double- or single-quoted attribute. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String STYLE = """
            body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 0 1rem;
              display: flex; flex-direction: column; color: #1b1f24; }
            header { order: -3; } #summary { order: -2; } #filters { order: -1; }
            h1 { font-size: 1.4rem; margin: 1rem 0 0; } .version { color: #57606a; margin: 0; }
            #summary { border-left: 6px solid; padding: .25rem .75rem; margin: .75rem 0; background: #f6f8fa; }
            #summary.pass { border-color: #1a7f37; } #summary.fail { border-color: #cf222e; }
            #summary p:first-child { font-weight: 600; }
            #filters { position: sticky; top: 0; background: #fff; padding: .5rem 0; border-bottom: 1px solid #d0d7de;
              display: flex; gap: 1rem; align-items: center; }
            .request { border: 1px solid #d0d7de; border-radius: 6px; margin: .75rem 0; padding: 0 .75rem; }
            .request h2 { font-size: 1rem; margin: .6rem 0 .2rem; word-break: break-all; }
            .verdict { text-transform: uppercase; font-size: .75rem; padding: .1rem .4rem; border-radius: 3px;
              color: #fff; }
            .fail .verdict { background: #cf222e; } .pass .verdict { background: #1a7f37; }
            .decision { margin: 0 0 .4rem; color: #57606a; }
            .findings { list-style: none; padding: 0; margin: 0 0 .6rem; }
            .finding { border-top: 1px solid #eaeef2; padding: .3rem 0; }
            .finding p { margin: .1rem 0; }
            .kind { font-weight: 600; } .error .kind, .aws-cli .kind { color: #cf222e; } .warning .kind { color: #9a6700; }
            .pointer { background: #f6f8fa; padding: 0 .2rem; word-break: break-all; } .at, .item { color: #57606a; }
            .excerpt { background: #f6f8fa; padding: .4rem; overflow-x: auto; margin: .3rem 0; font-size: 12px; }
            .ln { display: inline-block; min-width: 3.5em; color: #8c959f; user-select: none; }
            mark { background: #ffd33d; outline: 1px solid #9a6700; }
            #rules dt { font-weight: 600; margin-top: .6rem; } #rules dd { margin: 0 0 0 1rem; }
            #rules .level, .source { color: #57606a; font-weight: normal; }
            .hidden { display: none; }
            """;

    /** Hides findings outside the chosen rule and kind, and requests left with none. */
    private static final String SCRIPT = """
            (function () {
              var rule = document.getElementById('rule-filter');
              var kind = document.getElementById('kind-filter');
              var shown = document.getElementById('shown');
              function apply() {
                var visible = 0;
                document.querySelectorAll('.request').forEach(function (request) {
                  var any = false;
                  request.querySelectorAll('.finding').forEach(function (f) {
                    var show = (!rule.value || f.dataset.rule === rule.value)
                      && (!kind.value || f.dataset.kind === kind.value);
                    f.classList.toggle('hidden', !show);
                    if (show) { any = true; visible++; }
                  });
                  request.classList.toggle('hidden', !any && !!(rule.value || kind.value));
                });
                shown.textContent = visible + ' findings shown';
              }
              rule.addEventListener('change', apply);
              kind.addEventListener('change', apply);
              apply();
            })();
            """;
}
