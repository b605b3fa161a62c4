package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;

/**
 * {@code validate --output FILE} never leaves a partial file: it writes a temporary file beside FILE and
 * moves it over FILE in one step. So a reader sees the old report or the new one, whole, never a mix; a
 * failed write leaves the old report as it was; and no temporary file stays behind.
 */
class ValidateOutputTest {

    /** A reader polling the report while it is rewritten 40 times only ever reads a whole JSON report. */
    @Test
    void aReaderSeesTheOldReportOrTheNewOneNeverAPart(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.json");
        String valid = Cli.samples().resolve("valid").toString();
        String invalid = Cli.samples().resolve("invalid").toString();
        assertEquals(0, Cli.run("validate", "--format", "json", "--output", report.toString(), valid).code());
        String first = Files.readString(report);

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (writing.get() && torn.get() == null) {
                try {
                    String text = Files.readString(report);
                    reads.incrementAndGet();
                    if (!Json.MAPPER.readTree(text).path("summary").path("requests").isNumber()) {
                        torn.set(text);
                    }
                } catch (NoSuchFileException e) {
                    torn.set("the report was missing for a moment");
                } catch (IOException | JacksonException e) {
                    torn.set(e.getMessage());
                }
            }
        });
        reader.start();
        List<Integer> codes = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                codes.add(Cli.run("validate", "--format", "json", "--output", report.toString(),
                        i % 2 == 0 ? invalid : valid).code());
            }
        } finally {
            writing.set(false);
            reader.join();
        }
        assertEquals(null, torn.get(), "a reader saw a partial report");
        assertTrue(reads.get() > 0, "the reader read");
        assertTrue(codes.stream().allMatch(c -> c == 0), codes::toString);
        assertEquals(first, Files.readString(report), "the last run validated the same files as the first");
        assertEquals(List.of(report), files(dir), "no temporary file stays behind");
    }

    /**
     * When the move cannot happen (FILE is a directory with something in it) the command says so in one line
     * with exit 2, FILE is untouched, and the temporary file it had written is gone.
     */
    @Test
    void aFailedWriteLeavesNothingBehindAndTheTargetUntouched(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("report.json"));
        Path inside = Files.writeString(target.resolve("keep.txt"), "kept");

        Cli.Result r = Cli.run("validate", "--output", target.toString(), Cli.samples().resolve("valid").toString());

        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("pinpoint-events validate: cannot write " + target + ": "), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertEquals("kept", Files.readString(inside));
        assertEquals(List.of(target, inside), files(dir), "no temporary file stays behind");
    }

    /** An existing report is replaced whole, and the directory the report goes to is made when missing. */
    @Test
    void anExistingReportIsReplacedAndAMissingDirectoryIsMade(@TempDir Path dir) throws IOException {
        Path old = Files.writeString(dir.resolve("old.txt"), "x".repeat(100_000));
        Path nested = dir.resolve("a/b/report.txt");

        Cli.Result replaced = Cli.run("validate", "--output", old.toString(), Cli.samples().resolve("valid").toString());
        Cli.Result made = Cli.run("validate", "--output", nested.toString(), Cli.samples().resolve("valid").toString());

        assertEquals(0, replaced.code(), replaced::toString);
        assertEquals(0, made.code(), made::toString);
        String report = Files.readString(old);
        assertTrue(report.endsWith(" passed, 0 failed, 0 warnings\n") && !report.contains("xxx"), report);
        assertEquals(report, Files.readString(nested));
        assertEquals(List.of(dir.resolve("a"), dir.resolve("a/b"), nested, old), files(dir));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).sorted().toList();
        }
    }
}
