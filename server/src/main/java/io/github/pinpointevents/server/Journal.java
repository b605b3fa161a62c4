package io.github.pinpointevents.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every PutEvents request and event the server answered, with its verdict ({@link Verdicts}), and every
 * UpdateEndpoint and GetEndpoint call ({@link EndpointCalls}), in a bounded
 * ring: the oldest entries are dropped beyond {@code maxEntries} entries or {@link #MAX_BYTES} bytes. Unlike
 * the {@link Recorder} it also keeps what was refused, and it wakes long-polls ({@link #await}) and streams
 * ({@link Listener}) when entries arrive. Memory is bounded by design: entries by count and bytes, waiters by
 * {@link #MAX_WAITERS}, listeners by {@link #MAX_LISTENERS}.
 */
final class Journal {

    static final long MAX_BYTES = 32L * 1024 * 1024;
    /** Long-polls waiting at once; more are answered 503 so clients cannot pile up timers and memory. */
    static final int MAX_WAITERS = 64;
    /** Event streams open at once (each is a connection and a queue). */
    static final int MAX_LISTENERS = 16;

    /** Called under the journal's lock, in sequence order; must not block. */
    interface Listener {
        void added(List<JournalEntry> entries);

        void cleared(int count);

        /** The server is stopping: end the response, so the graceful stop need not wait for it. */
        void end();
    }

    private final class Waiter {
        final JournalQuery query;
        final int wanted;
        final Runnable ready;
        int count;

        Waiter(JournalQuery query, int wanted, Runnable ready) {
            this.query = query;
            this.wanted = wanted;
            this.ready = ready;
        }
    }

    private final Object lock = new Object();
    private final ArrayDeque<JournalEntry> ring = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final int maxEntries;
    private long bytes;
    private long lastSequence;
    private long dropped;
    private boolean closed;

    Journal(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Adds one request's entries, in order, and wakes the waiters they complete. */
    void add(List<Verdicts.Draft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        List<Runnable> wake = new ArrayList<>();
        synchronized (lock) {
            List<JournalEntry> added = new ArrayList<>(drafts.size());
            for (Verdicts.Draft d : drafts) {
                JournalEntry entry = new JournalEntry(++lastSequence, now, d);
                ring.addLast(entry);
                bytes += entry.weight();
                added.add(entry);
            }
            while (!ring.isEmpty() && (ring.size() > maxEntries || bytes > MAX_BYTES)) {
                bytes -= ring.removeFirst().weight();
                dropped++;
            }
            for (var it = waiters.iterator(); it.hasNext();) {
                Waiter w = it.next();
                for (JournalEntry e : added) {
                    if (w.query.matches(e)) {
                        w.count++;
                    }
                }
                if (w.count >= w.wanted) {
                    it.remove();
                    wake.add(w.ready);
                }
            }
            for (Listener l : listeners) {
                l.added(added);
            }
        }
        wake.forEach(Runnable::run);
    }

    /** The entries the query selects, oldest first (its {@code latest}: the newest {@code limit} of them). */
    List<JournalEntry> find(JournalQuery query) {
        synchronized (lock) {
            ArrayDeque<JournalEntry> out = new ArrayDeque<>();
            for (JournalEntry e : ring) {
                if (query.matches(e)) {
                    out.addLast(e);
                    if (out.size() > query.limit()) {
                        if (!query.latest()) {
                            out.removeLast();
                            break;
                        }
                        out.removeFirst();
                    }
                }
            }
            return List.copyOf(out);
        }
    }

    /**
     * Runs {@code ready} once at least {@code wanted} entries match the query: at once (on this thread) when
     * they already do, else on the thread that adds the last one.
     *
     * @return a handle to cancel the wait (on its timeout), or null when {@link #MAX_WAITERS} are waiting
     */
    Runnable await(JournalQuery query, int wanted, Runnable ready) {
        Waiter w = new Waiter(query, wanted, ready);
        synchronized (lock) {
            for (JournalEntry e : ring) {
                if (query.matches(e)) {
                    w.count++;
                }
            }
            if (w.count < wanted) {
                if (waiters.size() >= MAX_WAITERS) {
                    return null;
                }
                waiters.add(w);
                return () -> {
                    synchronized (lock) {
                        waiters.remove(w);
                    }
                };
            }
        }
        ready.run();
        return () -> { };
    }

    /**
     * Registers a listener: from now on it is given every entry added. The entries already held it reads with
     * {@link #page}, so a backlog of the whole ring is never copied at once.
     *
     * @return false when {@link #MAX_LISTENERS} are registered
     */
    boolean listen(Listener listener) {
        synchronized (lock) {
            if (closed || listeners.size() >= MAX_LISTENERS) {
                return false;
            }
            listeners.add(listener);
            return true;
        }
    }

    /** Receives a page of held entries under the journal's lock, so no {@link Listener#added} runs meanwhile. */
    interface PageReader {
        /** @param end whether the page reaches the newest entry */
        void read(List<JournalEntry> entries, boolean end);
    }

    /** Gives {@code reader} the held entries after {@code after}, oldest first, up to about {@code maxBytes}. */
    void page(long after, long maxBytes, PageReader reader) {
        synchronized (lock) {
            List<JournalEntry> out = new ArrayList<>();
            long size = 0;
            boolean end = true;
            for (JournalEntry e : ring) {
                if (e.sequence() > after) {
                    if (!out.isEmpty() && size + e.json().length > maxBytes) {
                        end = false;
                        break;
                    }
                    out.add(e);
                    size += e.json().length;
                }
            }
            reader.read(out, end);
        }
    }

    void unlisten(Listener listener) {
        listeners.remove(listener);
    }

    /** Forgets every entry (sequence numbers go on); returns how many there were. */
    int clear() {
        synchronized (lock) {
            int count = ring.size();
            ring.clear();
            bytes = 0;
            dropped = 0;
            for (Waiter w : waiters) {
                w.count = 0;
            }
            for (Listener l : listeners) {
                l.cleared(count);
            }
            return count;
        }
    }

    /** Ends every stream (the server is stopping) and refuses new ones. */
    void close() {
        synchronized (lock) {
            closed = true;
        }
        for (Listener l : listeners) {
            listeners.remove(l);
            l.end();
        }
    }

    long lastSequence() {
        synchronized (lock) {
            return lastSequence;
        }
    }

    /** Entries dropped from the ring (the oldest first) since the start or the last clear. */
    long dropped() {
        synchronized (lock) {
            return dropped;
        }
    }

    int waiting() {
        synchronized (lock) {
            return waiters.size();
        }
    }
}
