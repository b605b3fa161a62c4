package io.github.pinpointevents.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * --fsync: a request returns only once its lines were forced, requests appended meanwhile share a force, and
 * its threads (which wait on the disk) are more by default.
 */
@Timeout(30)
class RecorderFsyncTest {

    private static byte[] line(int i) {
        return ("{\"EventId\":\"e-" + i + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void requestsAppendedDuringOneForceShareTheNext(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.ndjson");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (Recorder recorder = new Recorder(file, null, 100, true)) {
            recorder.record(List.of(line(0)), List.of());
            assertEquals(1, recorder.forces());
            List<Future<?>> waiting = new ArrayList<>();
            // Holding the force lock stands for a force in progress: the three requests append and then wait.
            synchronized (recorder.forceLock) {
                for (int i = 1; i <= 3; i++) {
                    int n = i;
                    waiting.add(pool.submit(() -> {
                        recorder.record(List.of(line(n)), List.of());
                        return null;
                    }));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (recorder.appended() < 4 && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                assertEquals(4, recorder.appended());
                for (Future<?> f : waiting) {
                    assertTrue(!f.isDone(), "a request returned before its lines were forced");
                }
            }
            for (Future<?> f : waiting) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(2, recorder.forces(), "the three waiting requests share one force");
            assertEquals(4, Files.readAllLines(file).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fsyncRaisesTheDefaultThreadsButNotAGivenNumber() {
        assertEquals(PinpointEventsServer.DEFAULT_THREADS, PinpointEventsServer.builder().build().threads());
        assertEquals(PinpointEventsServer.DEFAULT_FSYNC_THREADS,
                PinpointEventsServer.builder().fsync(true).build().threads());
        assertEquals(5, PinpointEventsServer.builder().threads(5).fsync(true).build().threads());
        assertTrue(PinpointEventsServer.DEFAULT_FSYNC_THREADS > PinpointEventsServer.DEFAULT_THREADS);
    }

    @Test
    void closingForcesWhatWasAppendedAndRefusesMore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.ndjson");
        Recorder recorder = new Recorder(file, null, 100, true);
        recorder.record(List.of(line(0), line(1)), List.of());
        recorder.close();
        assertEquals(List.of("{\"EventId\":\"e-0\"}", "{\"EventId\":\"e-1\"}"), Files.readAllLines(file));
        assertThrows(IOException.class, () -> recorder.record(List.of(line(2)), List.of()));
    }
}
