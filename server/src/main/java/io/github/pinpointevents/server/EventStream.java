package io.github.pinpointevents.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One server-sent events client of {@code GET /_pinpoint-events/stream} (format in docs/dashboard.md). The
 * journal hands it entries under its lock; this only appends them to a buffer, and one write at a time sends
 * what has piled up, so a slow reader never blocks the journal. The entries already held when it connects (up
 * to the whole ring, 32 MB) are read from the journal a page of {@link #PAGE_BYTES} at a time, each once the
 * previous one is written; new entries wait in the journal until the reader has caught up. A reader more than
 * {@link #MAX_PENDING} bytes behind on new entries is disconnected (its EventSource reconnects with
 * Last-Event-ID and gets the rest from the ring).
 */
final class EventStream implements Journal.Listener {

    static final int MAX_PENDING = 8 * 1024 * 1024;
    static final int PAGE_BYTES = 256 * 1024;

    private final Journal journal;
    private final Response response;
    private final Callback callback;
    private final Scheduler scheduler;
    private final long heartbeatMillis;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean writing;
    private boolean closed;
    private boolean finished;
    /** Still reading the held entries: {@link #cursor} is the last sequence queued. */
    private boolean catchingUp = true;
    private long cursor;

    EventStream(Journal journal, Response response, Callback callback, Scheduler scheduler, long heartbeatMillis,
            long after) {
        this.cursor = after;
        this.journal = journal;
        this.response = response;
        this.callback = callback;
        this.scheduler = scheduler;
        this.heartbeatMillis = heartbeatMillis;
    }

    /** Sends the opening comment, then keeps the connection from idling out with a comment each period. */
    void start() {
        send(": pinpoint-events journal\nretry: 1000\n\n");
        heartbeat();
    }

    @Override
    public void added(List<JournalEntry> entries) {
        synchronized (this) {
            if (catchingUp) {
                return;   // they are in the ring: a later page reads them
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entries.forEach(e -> frame(out, e));
        send(out.toByteArray());
    }

    private static void frame(ByteArrayOutputStream out, JournalEntry e) {
        out.writeBytes(("id: " + e.sequence() + "\nevent: entry\ndata: ").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(e.json());   // compact JSON: no newline inside
        out.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
    }

    /** Queues the next page of held entries (called with a write in progress and nothing pending). */
    private void readPage() {
        long from;
        synchronized (this) {
            from = cursor;
        }
        journal.page(from, PAGE_BYTES, (entries, end) -> {
            synchronized (this) {
                for (JournalEntry e : entries) {
                    frame(pending, e);
                    cursor = e.sequence();
                }
                if (end) {
                    catchingUp = false;
                }
            }
        });
    }

    @Override
    public void cleared(int count) {
        send("event: clear\ndata: {\"Cleared\":" + count + "}\n\n");
    }

    @Override
    public void end() {
        boolean now;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            now = !writing;   // else the write in progress ends it
        }
        if (now) {
            finish();
        }
    }

    private void heartbeat() {
        scheduler.schedule(() -> {
            synchronized (this) {
                if (closed) {
                    return;
                }
            }
            send(": keep-alive\n\n");
            heartbeat();
        }, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    private void send(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    private void send(byte[] bytes) {
        ByteBuffer next;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (pending.size() + (long) bytes.length > MAX_PENDING) {
                closed = true;   // too far behind; the write in progress ends the response
                journal.unlisten(this);
                if (writing) {
                    return;
                }
                next = null;
            } else {
                pending.writeBytes(bytes);
                if (writing) {
                    return;
                }
                writing = true;
                next = take();
            }
        }
        if (next == null) {
            finish();
        } else {
            write(next);
        }
    }

    private ByteBuffer take() {
        ByteBuffer buffer = ByteBuffer.wrap(pending.toByteArray());
        pending.reset();
        return buffer;
    }

    private void write(ByteBuffer buffer) {
        response.write(false, buffer, Callback.from(this::written, this::failed));
    }

    private void written() {
        boolean more;
        synchronized (this) {
            more = !closed && pending.size() == 0 && catchingUp;
        }
        if (more) {
            readPage();
        }
        ByteBuffer next;
        synchronized (this) {
            if (closed) {
                writing = false;
                next = null;
            } else if (pending.size() == 0) {
                writing = false;
                return;
            } else {
                next = take();
            }
        }
        if (next == null) {
            finish();
        } else {
            write(next);
        }
    }

    private void finish() {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    private void failed(Throwable failure) {
        synchronized (this) {
            closed = true;
            if (finished) {
                return;
            }
            finished = true;
        }
        journal.unlisten(this);
        callback.failed(failure);   // the client went away
    }
}
