package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential proof of issue 11: today's {@code validate} prints byte for byte the reports (text, json,
 * sarif, junit, html) that the build of commit 09e4bdb printed, before the engine was reshaped, on the samples,
 * the golden cases, the botocore parity cases and {@link MutatedCorpus}'s 10,000 invalid requests, with options,
 * standard input and a report file besides ({@link DifferentialRun#all}). The baseline
 * (differential/baseline.tsv) holds digests only; tools/differential-baseline.sh writes it from that commit's jar.
 * The one difference made on purpose since then is normalised, and only it ({@link WithoutNewRule}).
 */
class DifferentialReportTest {

    @Test
    void reportsAreThoseOfTheBaselineBuild(@TempDir Path dir) throws IOException {
        DifferentialBaseline baseline = DifferentialBaseline.read(Files.readAllLines(
                Path.of(Objects.requireNonNull(getClass().getResource("/differential/baseline.tsv")).getPath()),
                StandardCharsets.UTF_8));
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path out = Files.createDirectories(dir.resolve("out"));
        DifferentialRun.Places places = new DifferentialRun.Places(Cli.repoRoot(), corpus, out);
        assertEquals(baseline.corpusSha256(), DifferentialBaseline.corpusSha256(
                MutatedCorpus.write(places.repo(), corpus)), "the mutated corpus is not the one the baseline judged:"
                + " MutatedCorpus changed (or Jackson writes trees differently); run tools/differential-baseline.sh");

        List<String> failures = new ArrayList<>();
        for (DifferentialRun run : DifferentialRun.all()) {
            DifferentialBaseline.Outcome expected = baseline.runs().get(run.name());
            if (expected == null) {
                failures.add(run.name() + ": not in the baseline; run tools/differential-baseline.sh");
                continue;
            }
            UnaryOperator<String> normalise = DifferentialRun.normaliser(run, places);
            if (run.name().contains("sarif")) {
                normalise = new WithoutNewRule(normalise);
            }
            ReportDigest report = new ReportDigest(normalise, expected.blocks());
            StringWriter err = new StringWriter();
            int exit;
            try (InputStream stdin = run.stdin() == null ? new ByteArrayInputStream(new byte[0])
                    : Files.newInputStream(Path.of(places.resolve(run.stdin())))) {
                List<String> args = new ArrayList<>(List.of("validate"));
                args.addAll(run.resolved(places));
                exit = Main.run(args.toArray(String[]::new), stdin, new PrintWriter(report), new PrintWriter(err));
            }
            report.close();
            Path reportFile = run.reportFile() == null ? null : Path.of(places.resolve(run.reportFile()));
            if (reportFile != null) {
                report = new ReportDigest(normalise, expected.blocks());
                String text = Files.exists(reportFile) ? Files.readString(reportFile) : "";
                report.write(text.toCharArray(), 0, text.length());
                report.close();
            }
            String stderr = DifferentialBaseline.digest(err.toString(), places, null).sha256Hex();
            if (err.toString().contains("internal error")) {
                failures.add(run.name() + ": " + err.toString().strip()); // a run cut short proves nothing
            }
            if (exit != expected.exit()) {
                failures.add(run.name() + ": exit " + exit + ", the baseline's " + expected.exit());
            }
            if (!stderr.equals(expected.stderrSha256())) {
                failures.add(run.name() + ": stderr differs; this run's:\n" + places.normalise(err.toString()));
            }
            if (!report.sha256Hex().equals(expected.sha256())) {
                failures.add(run.name() + ": report differs (" + report.lines() + " lines, the baseline's "
                        + expected.lines() + ")\n" + report.firstDifference());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + DifferentialRun.all().size()
                + " runs differ from the baseline:\n" + String.join("\n", failures));
    }

    /**
     * The one intended difference: SARIF lists every rule of the catalogue, and commit fa59b33 added
     * {@code request.too-many-containers} (a body of more than 400,000 objects and arrays is refused from a token
     * count). Its descriptor, from its id line to the {@code "}, {"} that ends it, is left out, and each result's
     * {@code ruleIndex} past it is read one lower, as it was before; everything else must be the baseline's (no
     * input here holds that many containers, so no result names the new rule).
     */
    private static final class WithoutNewRule implements UnaryOperator<String> {
        private static final Pattern RULE_INDEX = Pattern.compile("(\\s*\"ruleIndex\" : )(\\d+)(,?)");
        private final UnaryOperator<String> places;
        private int rulesBefore;
        private int newRule = -1;
        private boolean dropping;

        WithoutNewRule(UnaryOperator<String> places) {
            this.places = places;
        }

        @Override
        public String apply(String line) {
            String stripped = line.strip();
            if (stripped.equals("\"id\" : \"request.too-many-containers\",")) {
                dropping = true;
                newRule = rulesBefore;
            } else if (newRule < 0 && stripped.startsWith("\"id\" : \"")) {
                rulesBefore++;
            }
            if (dropping) {
                dropping = !stripped.equals("}, {");
                return null;
            }
            Matcher index = RULE_INDEX.matcher(line);
            if (newRule >= 0 && index.matches() && Integer.parseInt(index.group(2)) > newRule) {
                line = index.group(1) + (Integer.parseInt(index.group(2)) - 1) + index.group(3);
            }
            return places.apply(line);
        }
    }
}
