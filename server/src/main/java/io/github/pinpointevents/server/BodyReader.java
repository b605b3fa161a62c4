package io.github.pinpointevents.server;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body without blocking a thread: keeps at most {@code limit + 1} bytes (one over the limit is
 * enough to answer 413), then reads and throws away up to {@link #DRAIN_LIMIT} more so that a client still
 * sending gets to read the 413 on a usable connection instead of a reset. Beyond that it stops reading.
 */
final class BodyReader implements Runnable {

    /** How much of a refused oversized body is thrown away before the server stops reading it. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /** The outcome: the bytes kept, whether the body was read to its end, and a read failure if any. */
    record Body(byte[] bytes, boolean complete, Throwable failure) {
        boolean timedOut() {
            return failure instanceof TimeoutException;
        }
    }

    private final Content.Source source;
    private final int limit;
    private final Consumer<Body> then;
    private final int expected;
    private byte[] kept;
    private int size;
    private long discarded;

    BodyReader(Content.Source source, int limit, long expectedLength, Consumer<Body> then) {
        this.source = source;
        this.limit = limit;
        this.then = then;
        this.expected = (int) Math.max(0, Math.min(expectedLength, limit + 1L));
    }

    @Override
    public void run() {
        if (kept == null) {
            // Sized on the first read, not when made: a reader waits for its body budget, and 64 waiting readers
            // each holding a 3.9 MB buffer ran the server out of heap at -Xmx256m.
            // Content-Length sizes it exactly, so a whole body is handed on without a copy.
            kept = new byte[expected];
        }
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                then.accept(new Body(bytes(), false, chunk.getFailure()));
                return;
            }
            ByteBuffer data = chunk.getByteBuffer();
            int keep = (int) Math.min(data.remaining(), limit + 1L - size);
            if (keep > 0) {
                if (size + keep > kept.length) {   // no or a short Content-Length: grow, never past limit + 1
                    kept = Arrays.copyOf(kept, (int) Math.min(limit + 1L, Math.max(size + keep, 2L * kept.length)));
                }
                data.get(kept, size, keep);
                size += keep;
            }
            discarded += data.remaining();
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                then.accept(new Body(bytes(), true, null));
                return;
            }
            if (discarded > DRAIN_LIMIT) {
                then.accept(new Body(bytes(), false, null));
                return;
            }
        }
    }

    private byte[] bytes() {
        return size == kept.length ? kept : Arrays.copyOf(kept, size);
    }
}
