package io.github.pinpointevents.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The baseline of the differential proof: for each {@link DifferentialRun}, what a reference build's
 * {@code validate} printed, as {@link ReportDigest}s. {@link #main} writes it by running that build's jar
 * (tools/differential-baseline.sh builds one and calls it); {@link #read} reads it back for the test.
 */
record DifferentialBaseline(String corpusSha256, Map<String, Outcome> runs) {

    /** One run: exit code, the report's digest, line count and block digests, and stderr's digest. */
    record Outcome(int exit, long lines, String sha256, String stderrSha256, List<String> blocks) {

        String line(String name) {
            return String.join("\t", "run", name, "exit", Integer.toString(exit), "lines", Long.toString(lines),
                    "sha256", sha256, "stderr", stderrSha256, "blocks", String.join(",", blocks));
        }
    }

    static DifferentialBaseline read(List<String> lines) {
        String corpus = null;
        Map<String, Outcome> runs = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("corpus")) {
                corpus = f[1];
            } else if (f[0].equals("run")) {
                runs.put(f[1], new Outcome(Integer.parseInt(f[3]), Long.parseLong(f[5]), f[7], f[9],
                        f[11].isEmpty() ? List.of() : List.of(f[11].split(","))));
            }
        }
        return new DifferentialBaseline(corpus, runs);
    }

    /** The SHA-256 of the corpus files' bytes, in order. */
    static String corpusSha256(List<Path> files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest of a whole text normalised line by line (stderr, a report file). */
    static ReportDigest digest(String text, DifferentialRun.Places places, List<String> expectedBlocks) {
        ReportDigest digest = new ReportDigest(places::normalise, expectedBlocks);
        digest.write(text.toCharArray(), 0, text.length());
        digest.close();
        return digest;
    }

    /**
     * {@code DifferentialBaseline JAR REPO OUT COMMIT}: runs {@code java -jar JAR validate} for every run (in
     * REPO/cli, where surefire runs the test) and writes OUT.
     */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path repo = Path.of(args[1]).toAbsolutePath().normalize();
        Path outFile = Path.of(args[2]);
        Path work = Files.createTempDirectory("pinpoint-differential");
        Path corpusDir = Files.createDirectories(work.resolve("corpus"));
        Path reportDir = Files.createDirectories(work.resolve("out"));
        DifferentialRun.Places places = new DifferentialRun.Places(repo, corpusDir, reportDir);
        List<String> lines = new ArrayList<>();
        lines.add("# Reports of validate at " + args[3] + " (the baseline of DifferentialReportTest), written by"
                + " tools/differential-baseline.sh; columns: name, exit code, report lines, report SHA-256, stderr"
                + " SHA-256, SHA-256 prefixes of each " + ReportDigest.BLOCK + "-line block.");
        lines.add("corpus\t" + corpusSha256(MutatedCorpus.write(repo, corpusDir)));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (DifferentialRun run : DifferentialRun.all()) {
            List<String> command = new ArrayList<>(List.of(java, "-Dfile.encoding=UTF-8", "-jar", jar.toString(),
                    "validate"));
            command.addAll(run.resolved(places));
            Path stderr = work.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command).directory(repo.resolve("cli").toFile())
                    .redirectError(stderr.toFile());
            builder.redirectInput(run.stdin() == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                    : ProcessBuilder.Redirect.from(new File(places.resolve(run.stdin()))));
            Process process = builder.start();
            ReportDigest stdout = new ReportDigest(DifferentialRun.normaliser(run, places), null);
            try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                in.transferTo(stdout);
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(run.name() + " did not end in 10 minutes");
            }
            stdout.close();
            ReportDigest report = run.reportFile() == null ? stdout
                    : digest(Files.readString(Path.of(places.resolve(run.reportFile()))), places, null);
            String err = digest(Files.readString(stderr), places, null).sha256Hex();
            Outcome outcome = new Outcome(process.exitValue(), report.lines(), report.sha256Hex(), err,
                    report.blocks());
            lines.add(outcome.line(run.name()));
            System.out.println(run.name() + ": exit " + outcome.exit() + ", " + outcome.lines() + " lines");
        }
        Files.write(outFile, lines, StandardCharsets.UTF_8);
        try (var walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException e) {
            // leftovers in the temporary directory only
        }
    }
}
