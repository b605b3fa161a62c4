package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * generate in a real process, stopped half way by a signal, leaves none of its hidden temporary files; and a
 * later run at the same output removes those of an earlier run that was killed outright, but not those of a
 * run still going on.
 */
class GenerateSignalTest {

    @TempDir
    Path dir;

    private static List<Path> temporaries(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).sorted().toList();
        }
    }

    private Process generate(Path output, String... more) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath(),
                Main.class.getName(), "generate", "--seed", "7", "--invalid-rate", "0.2", "-o", output.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("generate.log").toFile()).start();
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalLeavesNoTemporaryFile(String signal, int exitCode) throws Exception {
        Path output = dir.resolve("requests.ndjson");
        Process run = generate(output, "-n", "100000000");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (temporaries(dir).size() < 3 && run.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(3, temporaries(dir).size(), "the request, expected and index files are being written");
            Thread.sleep(300); // some megabytes into them
            // The shell's own kill: Java cannot send SIGINT, and the kill program (procps) may not be installed.
            assertEquals(0, new ProcessBuilder("sh", "-c", "kill -" + signal + " " + run.pid()).start().waitFor());
            assertTrue(run.waitFor(30, TimeUnit.SECONDS), "generate stops within 30 s of SIG" + signal);
        } finally {
            run.destroyForcibly();
        }
        assertEquals(exitCode, run.exitValue());
        assertEquals(List.of(), temporaries(dir));
        assertFalse(Files.exists(output), "a stopped run publishes nothing");
    }

    @ParameterizedTest
    @CsvSource({"requests.ndjson, .requests.index.csv", "out, .request-000001.json"})
    void aLaterRunRemovesWhatAKilledRunLeftAndKeepsALiveRunsFiles(String name, String other) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertEquals(0, gone.waitFor());
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            boolean directory = !name.contains(".");
            Path output = dir.resolve(name);
            Path where = directory ? Files.createDirectories(output) : dir;
            Path stale = Files.writeString(where.resolve("." + name + "." + gone.pid() + "-1.tmp"), "stale");
            Path staleOther = Files.writeString(where.resolve(other + "." + gone.pid() + "-7.tmp"), "stale");
            Path live = Files.writeString(where.resolve("." + name + "." + alive.pid() + "-1.tmp"), "in use");
            Path unrelated = Files.writeString(where.resolve(".notes." + gone.pid() + "-1.tmp"), "not ours");

            Process run = generate(output, "-n", "5", "-f", directory ? "requests" : "ndjson", "--force");
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "generate finishes");
            assertEquals(0, run.exitValue(), () -> read(dir.resolve("generate.log")));

            assertFalse(Files.exists(stale), "a killed run's file is removed");
            assertFalse(Files.exists(staleOther), "so is one of its sibling outputs");
            assertTrue(Files.exists(live), "a running process's file stays");
            assertEquals(directory, !Files.exists(unrelated),
                    "in a file output's directory only that output's temporaries are touched");
        } finally {
            alive.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The test class path: surefire's own property, as java.class.path may hold only its booter jar. */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, path.split(File.pathSeparator));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
