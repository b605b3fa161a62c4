package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.fixture.RequestResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are not ordinary files: endless streams, links that lead nowhere, files we may not read. */
class HostilePathsTest {

    private final FixtureValidator fixtures = new FixtureValidator(PutEventsValidator.create(
            ValidatorConfig.builder().build()));

    @TempDir
    Path dir;

    /** A stream that never ends, like /dev/zero or `yes`. */
    private static final class Endless extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            served += len;
            return len;
        }
    }

    @Test
    void anEndlessStreamIsAnswered413AfterTheLimitAndReadNoFurther() throws FixtureException {
        Endless in = new Endless();
        List<RequestResult> results = fixtures.validateStream("-", in, false);
        assertEquals(1, results.size());
        assertEquals(413, results.get(0).decision().error().httpStatus());
        assertEquals("4000001 bytes", results.get(0).decision().errors().get(0).detail());
        // Read in 64 KiB blocks: at most one block past the limit.
        assertEquals(true, in.served <= 4_000_001 + 64 * 1024, () -> in.served + " bytes read");
    }

    @Test
    void devZeroAsAPathIsAnswered413() throws FixtureException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero on this machine");
        List<RequestResult> results = fixtures.validateFiles(FixtureValidator.collect(List.of(zero)));
        assertEquals(413, results.get(0).decision().error().httpStatus());
    }

    @Test
    void aBrokenLinkInADirectoryIsAnErrorNamingIt() throws IOException {
        Files.createSymbolicLink(dir.resolve("gone.json"), dir.resolve("nowhere.json"));
        FixtureException e = assertThrows(FixtureException.class, () -> FixtureValidator.collect(List.of(dir)));
        assertEquals("cannot read " + dir.resolve("gone.json") + ": broken symbolic link (its target does not exist)",
                e.getMessage());
    }

    @Test
    void aLinkLoopIsAnErrorNamingIt() throws IOException {
        Files.createSymbolicLink(dir.resolve("a.json"), dir.resolve("b.json"));
        Files.createSymbolicLink(dir.resolve("b.json"), dir.resolve("a.json"));
        FixtureException e = assertThrows(FixtureException.class,
                () -> FixtureValidator.collect(List.of(dir.resolve("a.json"))));
        assertEquals("cannot read " + dir.resolve("a.json") + ": symbolic link loop", e.getMessage());
    }

    @Test
    void anUnreadableFileIsAnErrorNamingIt() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.json"), "{}");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(secret), "running as root: permissions do not stop reads");
        FixtureException e = assertThrows(FixtureException.class,
                () -> fixtures.validateFiles(FixtureValidator.collect(List.of(dir))));
        assertEquals("cannot read " + secret + ": permission denied", e.getMessage());
    }

    @Test
    void aFifoIsReadAsAStream() throws Exception {
        Path fifo = dir.resolve("pipe.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "{\"BatchItem\":{}}");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        List<RequestResult> results = fixtures.validateFiles(FixtureValidator.collect(List.of(fifo)));
        writer.join(10_000);
        assertEquals("BatchItem must contain at least one endpoint", results.get(0).decision().error().message());
    }
}
