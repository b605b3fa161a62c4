package io.github.pinpointevents.server;

import io.github.pinpointevents.core.internal.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The accepted events: in memory, and appended to an NDJSON file when one is given. One lock orders both,
 * so the file and the list hold the same events in the same order, and {@link #close()} can only happen
 * between two whole lines.
 */
final class Recorder implements AutoCloseable {

    private final Object lock = new Object();
    private final List<RecordedEvent> events = new ArrayList<>();
    private final Path path;
    private final FileChannel file;
    /** True when the file did not end with a newline: the next line must not be glued onto that text. */
    private boolean startNewLine;
    private boolean closed;

    Recorder(Path path) throws IOException {
        this.path = path;
        if (path == null) {
            this.file = null;
            return;
        }
        // APPEND: an existing record is added to, never truncated; each write lands at the current end.
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.startNewLine = endsWithoutNewline(path);
    }

    Path path() {
        return path;
    }

    /**
     * Records the events, in order. Each event becomes one line, written with one write of the line and its
     * newline; a FileChannel has no buffer of its own, so the line is in the file when this returns.
     *
     * @throws IOException when the file cannot be written, or the recorder is closed (the server is stopping)
     */
    void record(List<RecordedEvent> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<byte[]> lines = new ArrayList<>(batch.size());
        if (file != null) {
            for (RecordedEvent event : batch) {
                lines.add((Json.MAPPER.writeValueAsString(event.toJson()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        synchronized (lock) {
            if (closed) {
                throw new IOException("the server is stopping; events are no longer recorded");
            }
            if (file != null) {
                if (startNewLine) {
                    writeFully(ByteBuffer.wrap(new byte[] {'\n'}));
                    startNewLine = false;
                }
                for (byte[] line : lines) {
                    writeFully(ByteBuffer.wrap(line));
                }
            }
            events.addAll(batch);
        }
    }

    private void writeFully(ByteBuffer line) throws IOException {
        // One write() call writes a regular file's line whole; the loop only guards the contract of write.
        while (line.hasRemaining()) {
            file.write(line);
        }
    }

    List<RecordedEvent> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** Forgets the recorded events (the file is left as it is); returns how many there were. */
    int clear() {
        synchronized (lock) {
            int count = events.size();
            events.clear();
            return count;
        }
    }

    /** Closes the file; waits for a write in progress, so the file always ends with a whole line. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (file != null) {
                file.close();
            }
        }
    }

    private static boolean endsWithoutNewline(Path path) throws IOException {
        try (FileChannel read = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = read.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }
}
