package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator writes the same bytes on another JDK: this JVM (JDK 17 in CI) against the Temurin 25 JDK the
 * machine also has ({@code -Dpinpoint.otherJdk=/path/to/jdk} names another; skipped, with that reason, where
 * there is none). Random choices come from seeded
 * generators whose algorithms the JDK specifies, and nothing reads the clock, the locale or the default charset.
 */
class GeneratorAcrossJdksTest {

    private static final Path OTHER_JDK = Path.of(System.getProperty("pinpoint.otherJdk",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @TempDir
    Path dir;

    @Test
    void anotherJdkGeneratesTheSameBytes() throws Exception {
        Path java = OTHER_JDK.resolve("bin/java");
        // This machine's image ships Temurin 25 there; Debian has no second JDK to install, so elsewhere it skips.
        assumeTrue(Files.isExecutable(java), "needs a second JDK at " + OTHER_JDK
                + " (set -Dpinpoint.otherJdk=/path/to/jdk to name another)");
        for (String format : List.of("ndjson", "requests")) {
            List<String> args = List.of("generate", "-n", "300", "--seed", "424242", "--invalid-rate", "0.3",
                    "--endpoints-per-request", "2", "-f", format, "-o");
            Path here = dir.resolve("here-" + format);
            Path there = dir.resolve("there-" + format);

            List<String> local = new ArrayList<>(args);
            local.add(here.toString());
            Cli.Result r = Cli.run(local.toArray(String[]::new));
            assertEquals(0, r.code(), r::toString);

            List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classPath(),
                    Main.class.getName()));
            command.addAll(args);
            command.add(there.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("other-jdk-" + format + ".log").toFile()).start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the other JDK finished");
            assertEquals(0, process.exitValue(), () -> read(dir.resolve("other-jdk-" + format + ".log")));

            List<Path> mine = files(here);
            List<Path> theirs = files(there);
            assertEquals(mine.stream().map(p -> here.relativize(p).toString()).toList(),
                    theirs.stream().map(p -> there.relativize(p).toString()).toList());
            assertTrue(mine.size() >= 1);
            for (int i = 0; i < mine.size(); i++) {
                assertArrayEquals(Files.readAllBytes(mine.get(i)), Files.readAllBytes(theirs.get(i)),
                        mine.get(i).getFileName() + " differs between the JDKs");
            }
        }
    }

    /** The test class path: surefire's own property, as java.class.path may hold only its booter jar. */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, path.split(File.pathSeparator));
    }

    private static List<Path> files(Path root) throws Exception {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
