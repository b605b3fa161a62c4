package io.github.pinpointevents.server;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Bytes of request bodies the server may hold at once. A request reserves what its body can take before it is
 * read (its Content-Length, or the whole limit when chunked) and gives it back once answered; requests that do
 * not fit wait in arrival order, holding no thread, while TCP flow control keeps their bodies in the client.
 * Reserving up front, never a chunk at a time, means waiting requests can never hold each other's budget.
 */
final class BodyBudget {

    private final long total;
    private final Executor executor;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private long available;

    private record Waiter(long bytes, Runnable then) {
    }

    BodyBudget(long total, Executor executor) {
        this.total = total;
        this.available = total;
        this.executor = executor;
    }

    long total() {
        return total;
    }

    /** Runs {@code then} on the executor once {@code bytes} (at most the total) are reserved. */
    void reserve(long bytes, Runnable then) {
        long wanted = Math.min(bytes, total);
        synchronized (this) {
            if (!waiters.isEmpty() || available < wanted) {
                waiters.addLast(new Waiter(wanted, then));
                return;
            }
            available -= wanted;
        }
        executor.execute(then);
    }

    /** Gives back a reservation made with the same {@code bytes}. */
    void release(long bytes) {
        long given = Math.min(bytes, total);
        ArrayDeque<Runnable> ready = new ArrayDeque<>();
        synchronized (this) {
            available += given;
            while (!waiters.isEmpty() && waiters.peekFirst().bytes() <= available) {
                Waiter w = waiters.removeFirst();
                available -= w.bytes();
                ready.add(w.then());
            }
        }
        ready.forEach(executor::execute);
    }
}
