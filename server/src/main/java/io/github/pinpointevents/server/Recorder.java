package io.github.pinpointevents.server;

import io.github.pinpointevents.core.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;

/**
 * The accepted events: the most recent ones in a bounded in-memory ring, and every one appended to an NDJSON
 * file when one is given (and its event-stream record to a second file, when that is given). One lock orders both, so the file and the ring hold the same events in the same
 * order, and {@link #close()} can only happen between two requests' lines.
 *
 * <p>The ring keeps each event as its compact JSON line (a tree costs several times its text) and drops the
 * oldest when it holds more than {@code maxEvents} events or more than {@link #MAX_RING_BYTES} bytes, so its
 * memory does not grow with the number of requests. Every event gets a sequence number, 1 for the first one
 * recorded by this process, so a reader polling the ring can ask for what came after the last one it saw.
 */
final class Recorder implements AutoCloseable {

    /** The ring's byte budget: eight of the largest bodies, whatever --max-events says. */
    static final long MAX_RING_BYTES = 32L * 1024 * 1024;

    /** One ring entry: the event's sequence number and its {@link RecordedEvent#toJson()} line, no newline. */
    record Entry(long sequence, byte[] json) {
        RecordedEvent event() {
            return RecordedEvent.fromJson(JsonCodec.read(json));
        }
    }

    private final Object lock = new Object();
    /**
     * Held while the files are forced (--fsync), outside {@link #lock}: requests that append during one force
     * share the next, so a force costs one disk flush per group of requests, not per request. Taken before
     * {@link #lock} when both are held.
     */
    final Object forceLock = new Object();
    private final ArrayDeque<Entry> ring = new ArrayDeque<>();
    private final boolean fsync;
    /** Requests appended to the files, under {@link #lock}; forced ones, under {@link #forceLock}. */
    private long appended;
    private long forcedUpTo;
    private long forces;
    private final int maxEvents;
    private final RecordFile file;
    private final RecordFile eventStream;
    private long ringBytes;
    private long lastSequence;
    private long dropped;
    private boolean closed;

    Recorder(Path path, Path eventStreamPath, int maxEvents, boolean fsync) throws IOException {
        this.maxEvents = maxEvents;
        this.fsync = fsync;
        this.file = path == null ? null : RecordFile.open(path);
        try {
            this.eventStream = eventStreamPath == null ? null : RecordFile.open(eventStreamPath);
        } catch (IOException e) {
            if (file != null) {
                file.close();
            }
            throw e;
        }
    }

    /** True when an event-stream file is kept, so {@link #record(List, List)} needs the records. */
    boolean keepsEventStream() {
        return eventStream != null;
    }

    /**
     * Records one request's events ({@link RecordedEvent#line} each, no newline), in order: their lines go to
     * the file in one write (and are forced to the disk with --fsync) before this returns, so the request is
     * answered only once they are there.
     *
     * @throws IOException when the file cannot be written, or the recorder is closed (the server is stopping)
     */
    void record(List<byte[]> lines, List<? extends JsonNode> eventStreamRecords) throws IOException {
        if (lines.isEmpty() && eventStreamRecords.isEmpty()) {
            return;
        }
        int size = 0;
        for (byte[] line : lines) {
            size += line.length + 1;
        }
        ByteBuffer all = ByteBuffer.allocate(size);
        for (byte[] line : lines) {
            all.put(line).put((byte) '\n');
        }
        all.flip();
        long mine;
        synchronized (lock) {
            if (closed) {
                throw new IOException("the server is stopping; events are no longer recorded");
            }
            if (file != null) {
                file.append(all);
            }
            if (eventStream != null && !eventStreamRecords.isEmpty()) {
                eventStream.append(ByteBuffer.wrap(lines(eventStreamRecords)));
            }
            for (byte[] line : lines) {
                ring.addLast(new Entry(++lastSequence, line));
                ringBytes += line.length;
            }
            while (!ring.isEmpty() && (ring.size() > maxEvents || ringBytes > MAX_RING_BYTES)) {
                ringBytes -= ring.removeFirst().json().length;
                dropped++;
            }
            mine = ++appended;
            lock.notifyAll();   // wakes awaitSize
        }
        if (fsync) {
            forceUpTo(mine);
        }
    }

    /**
     * Returns once request number {@code request} (in append order) is on the disk: at once when a force that
     * began after its append has ended, else by forcing every request appended so far.
     */
    private void forceUpTo(long request) throws IOException {
        synchronized (forceLock) {
            if (forcedUpTo >= request) {
                return;
            }
            long target;
            synchronized (lock) {
                if (closed) {
                    throw new IOException("the server is stopping; events are no longer recorded");
                }
                target = appended;
            }
            forceFiles();
            forcedUpTo = target;
            forces++;
        }
    }

    private void forceFiles() throws IOException {
        if (file != null) {
            file.force();
        }
        if (eventStream != null) {
            eventStream.force();
        }
    }

    /** Forces done since the start (with --fsync): fewer than requests when requests share one. */
    long forces() {
        synchronized (forceLock) {
            return forces;
        }
    }

    /** Requests whose lines were appended to the files since the start. */
    long appended() {
        synchronized (lock) {
            return appended;
        }
    }

    /** Waits until the ring holds at least {@code count} events or the timeout passes; true when it does. */
    boolean awaitSize(int count, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (lock) {
            for (long left = timeoutNanos; ring.size() < count; left = deadline - System.nanoTime()) {
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    private static byte[] lines(List<? extends JsonNode> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode record : records) {
            out.writeBytes(JsonCodec.write(record));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** The ring's entries with a sequence number above {@code after}, oldest first, at most {@code limit}. */
    List<Entry> entries(long after, int limit) {
        synchronized (lock) {
            List<Entry> out = new ArrayList<>(Math.min(limit, ring.size()));
            for (Entry e : ring) {
                if (e.sequence() > after && out.size() < limit) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    List<RecordedEvent> events() {
        return entries(0, Integer.MAX_VALUE).stream().map(Entry::event).toList();
    }

    /** Events dropped from the ring (the oldest first) since the start or the last clear. */
    long dropped() {
        synchronized (lock) {
            return dropped;
        }
    }

    /** Forgets the events in the ring (the file is left as it is); returns how many there were. */
    int clear() {
        synchronized (lock) {
            int count = ring.size();
            ring.clear();
            ringBytes = 0;
            dropped = 0;
            return count;
        }
    }

    /**
     * Closes the files; waits for a write or force in progress, so the file always ends with a whole line and
     * a request waiting on --fsync for a force gets one (here) or an error, never a 202 for lines not forced.
     */
    @Override
    public void close() throws IOException {
        synchronized (forceLock) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    if (fsync) {
                        forceFiles();
                        forcedUpTo = appended;
                    }
                } finally {
                    try {
                        if (file != null) {
                            file.close();
                        }
                    } finally {
                        if (eventStream != null) {
                            eventStream.close();
                        }
                    }
                }
            }
        }
    }

    /** The record file: recovered on open, appended to one request at a time. */
    static final class RecordFile implements AutoCloseable {
        private final FileChannel channel;

        private RecordFile(FileChannel channel) {
            this.channel = channel;
        }

        /**
         * Opens FILE for appending. A last line without its newline (a crash during a write) is moved to
         * FILE.torn (replacing an older one) and FILE is truncated to its last whole line, so every line a
         * reader finds in FILE is whole.
         */
        static RecordFile open(Path path) throws IOException {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                long size = channel.size();
                long whole = lastNewline(channel, size) + 1;
                if (whole < size) {
                    Path torn = path.resolveSibling(path.getFileName() + ".torn");
                    try (FileChannel out = FileChannel.open(torn, StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                        channel.transferTo(whole, size - whole, out);
                        out.force(true);
                    }
                    channel.truncate(whole);
                    channel.force(true);
                }
            }
            // APPEND: each write lands at the current end, also when another process truncated or appended.
            return new RecordFile(FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        }

        void append(ByteBuffer lines) throws IOException {
            while (lines.hasRemaining()) {
                channel.write(lines);
            }
        }

        /** The file's bytes and length on the disk (fdatasync on Linux; timestamps are not forced). */
        void force() throws IOException {
            channel.force(false);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }

        /** The offset of the last '\n' in the file, or -1; reads backwards in 64 KB blocks. */
        private static long lastNewline(FileChannel channel, long size) throws IOException {
            ByteBuffer block = ByteBuffer.allocate(64 * 1024);
            long end = size;
            while (end > 0) {
                long start = Math.max(0, end - block.capacity());
                block.clear().limit((int) (end - start));
                while (block.hasRemaining() && channel.read(block, start + block.position()) >= 0) {
                    // read the block whole
                }
                for (int i = block.position() - 1; i >= 0; i--) {
                    if (block.get(i) == '\n') {
                        return start + i;
                    }
                }
                end = start;
            }
            return -1;
        }
    }
}
