package io.github.pinpointevents.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One {@code validate} command line of the differential proof ({@link DifferentialReportTest}): the same
 * arguments run through the baseline jar (tools/differential-baseline.sh) and through today's code. Arguments
 * name the places a machine chooses as {@code <repo>}, {@code <corpus>} and {@code <out>}.
 *
 * @param stdin a file given as standard input, or null for an empty one
 * @param reportFile the {@code --output} file whose content is compared, or null when the report is stdout
 */
record DifferentialRun(String name, List<String> args, String stdin, String reportFile) {

    static final String SAMPLES = "<repo>/samples";
    static final String CASES = "<repo>/validator-core/src/test/resources/cases";
    static final String BOTOCORE = "<repo>/validator-core/src/test/resources/botocore";
    static final List<String> FORMATS = List.of("text", "json", "sarif", "junit", "html");

    /** An html report's rule source: one line per rule that has findings (core's HtmlReport). */
    private static final String HTML_SOURCE = "<p class=\"source\">Source: ";

    /**
     * Every input set in every format with the default options, then options on the small sets, standard input,
     * a report file and a path that does not exist. The botocore parity cases are AWS CLI input documents, which
     * validate's one request kind recognises ({@code --kind request}; the other kind is event-stream records).
     */
    static List<DifferentialRun> all() {
        List<String> corpus = MutatedCorpus.FILES.stream().map(f -> "<corpus>/" + f).toList();
        List<DifferentialRun> runs = new ArrayList<>();
        for (String format : FORMATS) {
            runs.add(of("samples-" + format, "--format", format, SAMPLES));
            runs.add(of("cases-" + format, "--format", format, CASES));
            runs.add(of("botocore-" + format, "--kind", "request", "--format", format, BOTOCORE));
            List<String> args = new ArrayList<>(List.of("--format", format));
            args.addAll(corpus);
            runs.add(new DifferentialRun("corpus-" + format, args, null, null));
        }
        runs.add(of("samples-strict-text", "--strict", "--format", "text", SAMPLES));
        runs.add(of("samples-verbose-text", "-v", "--format", "text", SAMPLES));
        runs.add(of("samples-no-warnings-json", "--no-warnings", "--format", "json", SAMPLES));
        runs.add(of("cases-service-only-json", "--service-only", "--format", "json", CASES));
        runs.add(of("cases-threads-1-sarif", "--threads", "1", "--format", "sarif", CASES));
        runs.add(of("botocore-service-only-text", "--service-only", "--format", "text", BOTOCORE));
        runs.add(of("botocore-strict-verbose-json", "--strict", "--verbose", "--format", "json", BOTOCORE));
        runs.add(new DifferentialRun("stdin-ndjson-text", List.of("--stdin-format", "ndjson", CASES
                + "/session-rules/request.json", "-"), SAMPLES + "/valid/mixed-clients.ndjson", null));
        runs.add(new DifferentialRun("stdin-json-junit", List.of("--format", "junit", "-"),
                SAMPLES + "/valid/amplify-swift-sign-in.json", null));
        runs.add(new DifferentialRun("output-file-junit", List.of("--format", "junit", "--output",
                "<out>/report.xml", SAMPLES), null, "<out>/report.xml"));
        runs.add(of("missing-path", "--format", "json", SAMPLES, "<repo>/no-such-fixture.json"));
        return runs;
    }

    private static DifferentialRun of(String name, String... args) {
        return new DifferentialRun(name, List.of(args), null, null);
    }

    /** The arguments with the placeholders replaced by this machine's places. */
    List<String> resolved(Places places) {
        return args.stream().map(places::resolve).toList();
    }

    /**
     * How a run's report is normalised, the same for the baseline and the test: the places, and the rules'
     * sources, SARIF's help texts and html's "Source:" lines. Commit 8c2e2df (issue 16) rewrote the sources to
     * link what they cite (botocore's validate.py and model, aws-sdk-perl #389, amplify-swift #1975, ...); the
     * decisions and findings are unchanged, and everything else of the report is compared. The html difference
     * was traced by diffing 09e4bdb's html against today's on the golden and botocore cases: only these lines.
     */
    static UnaryOperator<String> normaliser(DifferentialRun run, Places places) {
        if (run.name().contains("html")) {
            return line -> line.startsWith(HTML_SOURCE) && line.endsWith("</p></dd>")
                    ? HTML_SOURCE + "<rule source></p></dd>" : places.normalise(line);
        }
        if (!run.name().contains("sarif")) {
            return places::normalise;
        }
        return new UnaryOperator<>() {
            private boolean help;

            @Override
            public String apply(String line) {
                String stripped = line.strip();
                if (help) {
                    help = false;
                    if (stripped.startsWith("\"text\" : ")) {
                        return line.substring(0, line.indexOf('"')) + "\"text\" : \"<rule source>\"";
                    }
                }
                help = stripped.equals("\"help\" : {");
                return places.normalise(line);
            }
        };
    }

    /** The places a machine chose, and how reports are made independent of them. */
    record Places(Path repo, Path corpus, Path out) {

        String resolve(String text) {
            return text.replace("<repo>", repo.toString()).replace("<corpus>", corpus.toString())
                    .replace("<out>", out.toString());
        }

        /** Each place replaced by its placeholder, the longest first (the corpus may lie inside the repository). */
        String normalise(String line) {
            List<String[]> pairs = new ArrayList<>(List.of(new String[] {repo.toString(), "<repo>"},
                    new String[] {corpus.toString(), "<corpus>"}, new String[] {out.toString(), "<out>"}));
            pairs.sort((a, b) -> b[0].length() - a[0].length());
            for (String[] pair : pairs) {
                line = line.replace(pair[0], pair[1]);
            }
            return line;
        }
    }
}
