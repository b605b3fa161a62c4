package io.github.pinpointevents.server;

import io.github.pinpointevents.core.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.Scheduler;
import tools.jackson.databind.node.ObjectNode;

/**
 * The journal's HTTP side (docs/dashboard.md): the query and long-poll at {@link #EVENTS_PATH}, the
 * server-sent events at {@link #STREAM_PATH}, clearing, and the dashboard page at {@code /}. No request holds a
 * thread while it waits: a long-poll is a journal waiter plus a timer, a stream a journal listener.
 */
final class JournalApi {

    static final String EVENTS_PATH = "/_pinpoint-events/events";
    static final String STREAM_PATH = "/_pinpoint-events/stream";
    static final String CLEAR_PATH = "/_pinpoint-events/clear";
    static final long DEFAULT_TIMEOUT_MILLIS = 10_000;
    static final long MAX_TIMEOUT_MILLIS = 60_000;

    private final Journal journal;
    private final Recorder recorder;
    private final long heartbeatMillis;
    private final byte[] page;

    JournalApi(Journal journal, Recorder recorder, long idleTimeoutMillis) {
        this.journal = journal;
        this.recorder = recorder;
        this.heartbeatMillis = Math.max(100, Math.min(5_000, idleTimeoutMillis / 2));
        this.page = resource("dashboard.html");
    }

    /** GET: the query (with wait=N, a long-poll); DELETE: clear. */
    void events(Request request, String method, Response response, Callback callback, String id) {
        if (method.equals("DELETE")) {
            clear(response, callback);
            return;
        }
        if (!method.equals("GET")) {
            notAllowed(response, callback, id, method, EVENTS_PATH, "GET, DELETE");
            return;
        }
        Fields params = Request.extractQueryParameters(request);
        JournalQuery query;
        int wanted;
        long timeout;
        try {
            query = JournalQuery.parse(params);
            String wait = JournalQuery.value(params, "wait");
            String time = JournalQuery.value(params, "timeout");
            wanted = wait == null ? 0 : (int) JournalQuery.number(wait, "wait", 1, JournalQuery.MAX_LIMIT);
            timeout = time == null ? DEFAULT_TIMEOUT_MILLIS
                    : JournalQuery.number(time, "timeout", 0, MAX_TIMEOUT_MILLIS);
        } catch (IllegalArgumentException e) {
            Answers.error(response, callback, id, 400, "BadRequestException", e.getMessage());
            return;
        }
        if (wanted == 0) {
            answer(query, null, response, callback);
            return;
        }
        longPoll(request, query, wanted, timeout, response, callback, id);
    }

    private void longPoll(Request request, JournalQuery query, int wanted, long timeout, Response response,
            Callback callback, String id) {
        AtomicBoolean answered = new AtomicBoolean();
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        long idle = endPoint.getIdleTimeout();
        Callback restoring = Callback.from(callback, () -> endPoint.setIdleTimeout(idle));
        Scheduler.Task[] timer = new Scheduler.Task[1];
        Runnable cancel = journal.await(query, wanted, () -> {
            if (answered.compareAndSet(false, true)) {
                if (timer[0] != null) {
                    timer[0].cancel();
                }
                answer(query, Boolean.FALSE, response, restoring);
            }
        });
        if (cancel == null) {
            Answers.error(response, callback, id, 503, "ServiceUnavailableException", Journal.MAX_WAITERS
                    + " long-polls are already waiting; try again when one has returned");
            return;
        }
        if (answered.get()) {
            return;
        }
        if (idle > 0 && idle < timeout + 1_000) {
            endPoint.setIdleTimeout(timeout + 1_000);   // a quiet wait is not an idle client
        }
        timer[0] = request.getComponents().getScheduler().schedule(() -> {
            cancel.run();
            if (answered.compareAndSet(false, true)) {
                answer(query, Boolean.TRUE, response, restoring);
            }
        }, timeout, TimeUnit.MILLISECONDS);
        if (answered.get()) {
            timer[0].cancel();
        }
    }

    /** {@code {"Events": [...], "LastSequence": N, "Dropped": N}} and, after a wait, {@code "TimedOut"}. */
    private void answer(JournalQuery query, Boolean timedOut, Response response, Callback callback) {
        List<JournalEntry> found = journal.find(query);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"Events\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < found.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(found.get(i).json());
        }
        out.writeBytes(("],\"LastSequence\":" + journal.lastSequence() + ",\"Dropped\":" + journal.dropped()
                + (timedOut == null ? "" : ",\"TimedOut\":" + timedOut) + "}").getBytes(StandardCharsets.UTF_8));
        Answers.bytes(response, callback, 200, out.toByteArray());
    }

    /** GET: the entries after {@code ?after=} or the Last-Event-ID header, then every new one, as they come. */
    void stream(Request request, String method, Response response, Callback callback, String id) {
        if (!method.equals("GET")) {
            notAllowed(response, callback, id, method, STREAM_PATH, "GET");
            return;
        }
        long after;
        try {
            String resume = request.getHeaders().get("Last-Event-ID");
            String param = JournalQuery.value(Request.extractQueryParameters(request), "after");
            String from = resume != null && !resume.isBlank() ? resume.trim() : param;
            after = from == null ? 0 : JournalQuery.number(from, "after", 0, Long.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            Answers.error(response, callback, id, 400, "BadRequestException", e.getMessage());
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        EventStream stream = new EventStream(journal, response, callback, request.getComponents().getScheduler(),
                heartbeatMillis, after);
        if (!journal.listen(stream)) {
            Answers.error(response, callback, id, 503, "ServiceUnavailableException", Journal.MAX_LISTENERS
                    + " event streams are already open; close one (a dashboard tab) first");
            return;
        }
        stream.start();
    }

    /** POST: clear (for clients that cannot send DELETE, such as a form). */
    void clearPath(String method, Response response, Callback callback, String id) {
        if (!method.equals("POST")) {
            notAllowed(response, callback, id, method, CLEAR_PATH, "POST");
            return;
        }
        clear(response, callback);
    }

    /** Forgets the journal and the recorded events; the record file is left as it is. */
    private void clear(Response response, Callback callback) {
        ObjectNode answer = JsonCodec.object();
        answer.put("Cleared", journal.clear());
        answer.put("ClearedRecordedEvents", recorder.clear());
        Answers.json(response, callback, 200, answer);
    }

    /** GET /: the dashboard, one self-contained HTML file (nothing is fetched from elsewhere). */
    void page(String method, Response response, Callback callback, String id) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            notAllowed(response, callback, id, method, "/", "GET");
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, page.length);
        // The page may only talk to this server: no other origin can be reached even by mistake.
        response.getHeaders().put("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline';"
                + " style-src 'unsafe-inline'; img-src 'self' data:");
        response.write(true, method.equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(page), callback);
    }

    private static void notAllowed(Response response, Callback callback, String id, String method, String path,
            String allow) {
        response.getHeaders().put(HttpHeader.ALLOW, allow);
        Answers.error(response, callback, id, 405, "MethodNotAllowedException", "Method " + method
                + " is not allowed on " + path + "; use " + allow.replace(", ", " or "));
    }

    private static byte[] resource(String name) {
        try (InputStream in = JournalApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
