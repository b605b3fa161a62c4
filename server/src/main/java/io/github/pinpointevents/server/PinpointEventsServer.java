package io.github.pinpointevents.server;

import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.rules.request.PayloadTooLargeRule;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A local Amazon Pinpoint events endpoint: answers {@code POST /v1/apps/{application-id}/events} (PutEvents) as
 * the service would, from the decision engine's service layer, and records the events it accepts so tests can
 * assert on what their code sent. It also answers the endpoint calls clients make around PutEvents
 * (UpdateEndpoint, GetEndpoint on {@code /v1/apps/{application-id}/endpoints/{endpoint-id}}). Point the AWS CLI
 * ({@code --endpoint-url}) or an SDK ({@code endpointOverride}) at {@link #endpoint()}.
 *
 * <pre>
 * try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
 *     PinpointClient client = PinpointClient.builder().endpointOverride(server.endpoint()) ... .build();
 *     client.putEvents(...);
 *     assertEquals(3, server.recordedEvents().size());
 * }
 * </pre>
 *
 * <p>Signatures (SigV4) and credentials are not checked: any request is answered. There is no application
 * registry either: every application id exists, unless {@link Builder#applicationIds(Set)} limits them.
 *
 * <p>Other answers: {@code 404 NotFoundException} for other paths (and for application ids not in the
 * allow-list), {@code 405 MethodNotAllowedException} naming the operation for the service's other operations under
 * {@code /v1/apps/} and for other methods on these paths. Every answer carries an
 * {@code x-amzn-RequestId} header; errors carry {@code x-amzn-ErrorType} and a
 * {@code {"Message": ..., "RequestID": ...}} body. {@value #RECORDED_EVENTS_PATH} answers {@code GET} (the
 * recorded events as JSON) and {@code DELETE} (forget them).
 *
 * <p>Built on Jetty 12 with bounded connections, request threads and timeouts (docs/serve-limits.md).
 * Thread-safe; not restartable once stopped.
 */
public final class PinpointEventsServer implements AutoCloseable {

    /** The path of the recording API; it cannot collide with an AWS API path, which all start with /v1/. */
    public static final String RECORDED_EVENTS_PATH = "/_pinpoint-events/recorded-events";
    /** Every event and request with its verdict, filtered; docs/dashboard.md. */
    public static final String EVENTS_PATH = JournalApi.EVENTS_PATH;
    /** The same entries as server-sent events, as they arrive; docs/dashboard.md. */
    public static final String STREAM_PATH = JournalApi.STREAM_PATH;

    /** The largest body the service accepts; one byte more is enough to answer 413. */
    public static final int MAX_BODY_BYTES = PayloadTooLargeRule.MAX_BODY_BYTES;

    /**
     * Few on purpose: on 2 cores, 4 threads answered a 20-event body 8,300-8,800 times a second under wrk where
     * 16 answered 3,700-5,100 (fewer hand-offs between threads; docs/serve.md, "Throughput against nginx").
     */
    public static final int DEFAULT_THREADS = 4;
    /**
     * With --fsync a request's thread waits for the disk, and two of the four threads are Jetty's: on the
     * 20-event body, 8 threads answered 4,100-4,800 requests a second where 4 answered 3,100 (docs/serve.md).
     */
    public static final int DEFAULT_FSYNC_THREADS = 8;
    public static final int DEFAULT_MAX_CONNECTIONS = 512;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_EVENTS = 10_000;
    public static final int DEFAULT_MAX_ENDPOINTS = 10_000;
    /**
     * A connection's read buffer, held only while a request is being read. Jetty's 8 KB took nine reads for the
     * 67 KB sample body; 64 KB takes two (strace -c under wrk), and 512 connections reading at once hold 32 MB.
     */
    static final int READ_BUFFER_BYTES = 64 * 1024;
    /** How long a stop waits for the requests in progress to be answered. */
    private static final long STOP_TIMEOUT_MILLIS = 2_000;

    static final String NOT_FOUND_MESSAGE = PinpointHandler.NOT_FOUND_MESSAGE;

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static final System.Logger LOG = System.getLogger(PinpointEventsServer.class.getName());

    private final String host;
    private final int requestedPort;
    private final Path recordFile;
    private final Path eventStreamFile;
    private final Set<String> applicationIds;
    private final int threads;
    private final int maxConnections;
    private final long idleTimeoutMillis;
    private final int maxHeaderBytes;
    private final int maxEvents;
    private final int maxEndpoints;
    private final boolean fsync;
    private final boolean allowNonLoopback;
    private final ValidatorConfig validatorConfig;

    // Set once by start(), under the lifecycle lock.
    private final Object lifecycle = new Object();
    private Server jetty;
    private Recorder recorder;
    private Journal journal;
    private InetSocketAddress bound;
    private Thread shutdownHook;
    private boolean stopped;
    private ServerConnector connector;
    private RequestsInProgress inProgress;

    private PinpointEventsServer(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.recordFile = b.recordFile;
        this.eventStreamFile = b.eventStreamFile;
        this.applicationIds = Set.copyOf(b.applicationIds);
        this.threads = b.threads != 0 ? b.threads : b.fsync ? DEFAULT_FSYNC_THREADS : DEFAULT_THREADS;
        this.maxConnections = b.maxConnections;
        this.idleTimeoutMillis = b.idleTimeout.toMillis();
        this.maxHeaderBytes = b.maxHeaderBytes;
        this.maxEvents = b.maxEvents;
        this.maxEndpoints = b.maxEndpoints;
        this.fsync = b.fsync;
        this.allowNonLoopback = b.allowNonLoopback;
        this.validatorConfig = b.validatorConfig;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the record file (appending), binds the listening socket and starts answering. Also registers a JVM
     * shutdown hook that {@linkplain #stop() stops} the server, so SIGINT and SIGTERM never leave a partial
     * line in the record file.
     *
     * @return this server
     * @throws IOException when the record file cannot be opened or the address cannot be bound
     * @throws IllegalStateException when already started, or when stopped
     * @throws IllegalArgumentException when the host is not a loopback address and
     *         {@link Builder#allowNonLoopback(boolean)} is not set
     */
    public PinpointEventsServer start() throws IOException {
        synchronized (lifecycle) {
            if (jetty != null || stopped) {
                throw new IllegalStateException(stopped ? "the server was stopped" : "the server is already started");
            }
            if (!allowNonLoopback && !isLoopback(host)) {
                throw new IllegalArgumentException("'" + host + "' is not a loopback address (127.0.0.1, ::1,"
                        + " localhost); listening on another interface must be allowed explicitly");
            }
            PutEventsValidator engine = PutEventsValidator.create(validatorConfig);
            Recorder opened = new Recorder(recordFile, eventStreamFile, maxEvents, fsync);
            // Bounded: at most `threads` threads, and a bounded queue of tasks, room for two of every connection
            // open at once; Jetty reads headers and bodies without holding a thread, so slow clients cost a
            // connection, not a thread.
            int tasks = Math.max(threads * 64, maxConnections * 2);
            QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(threads, 4), 60_000,
                    new BlockingArrayQueue<>(tasks, tasks, tasks));
            pool.setName("pinpoint-events-http");
            pool.setDaemon(true);
            Server server = new Server(pool);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendDateHeader(true);
            http.setRequestHeaderSize(maxHeaderBytes);
            http.setIdleTimeout(idleTimeoutMillis);
            HttpConnectionFactory http1 = new HttpConnectionFactory(http);
            http1.setInputBufferSize(READ_BUFFER_BYTES);
            ServerConnector connector = new ServerConnector(server, 1, 1, http1);
            connector.setHost(host);
            connector.setPort(requestedPort);
            connector.setIdleTimeout(idleTimeoutMillis);
            connector.setAcceptQueueSize(maxConnections);
            server.addConnector(connector);
            server.addBean(new NetworkConnectionLimit(maxConnections, connector));
            // A body in flight costs about nine times its bytes (its copies, its tree, the event written out for
            // the journal): measured at -Xmx256m, where a sixteenth let four 3.9 MB bodies run out of heap.
            long bodyMemory = Math.max(MAX_BODY_BYTES + 1L, Runtime.getRuntime().maxMemory() / 64);
            Journal journal = new Journal(maxEvents);
            RequestsInProgress inProgress = new RequestsInProgress(new PinpointHandler(engine, opened, journal,
                    new EndpointRegistry(maxEndpoints), new BodyBudget(bodyMemory, pool), applicationIds,
                    MAX_BODY_BYTES, idleTimeoutMillis));
            server.setHandler(inProgress);
            server.setErrorHandler(new JsonErrorHandler());
            server.setStopTimeout(STOP_TIMEOUT_MILLIS);
            try {
                server.start();
            } catch (Exception e) {
                opened.close();
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // Already failing; the first error is the one to report.
                }
                if (e.getCause() instanceof java.net.BindException bind) {
                    throw bind;   // Jetty wraps it; callers tell "address in use" from other failures by it
                }
                if (e instanceof IOException io) {
                    throw io;
                }
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(e.getMessage(), e);
            }
            this.recorder = opened;
            this.journal = journal;
            this.jetty = server;
            this.connector = connector;
            this.inProgress = inProgress;
            // The address actually bound (for "localhost", the loopback address the JDK chose).
            this.bound = (InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress();
            this.shutdownHook = new Thread(this::stop, "pinpoint-events-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            return this;
        }
    }

    /** The port the server listens on (the free port chosen when the builder's port was 0). */
    public int port() {
        return started().getPort();
    }

    /**
     * The base URI to give clients, e.g. {@code http://127.0.0.1:41234}: the address actually bound (a
     * wildcard address is reached through 127.0.0.1).
     */
    public URI endpoint() {
        InetSocketAddress bound = started();
        InetAddress address = bound.getAddress();
        String literal;
        if (address.isAnyLocalAddress()) {
            literal = "127.0.0.1";
        } else if (address instanceof Inet6Address) {
            literal = "[" + address.getHostAddress().replaceFirst("%.*$", "") + "]";
        } else {
            literal = address.getHostAddress();
        }
        return URI.create("http://" + literal + ":" + bound.getPort());
    }

    /** The event-stream file given to the builder, if any. */
    public Optional<Path> eventStreamFile() {
        return Optional.ofNullable(eventStreamFile);
    }

    /** The record file given to the builder, if any. */
    public Optional<Path> recordFile() {
        return Optional.ofNullable(recordFile);
    }

    /** The events accepted so far (since the last {@link #clearRecordedEvents()}), in the order they were recorded. */
    public List<RecordedEvent> recordedEvents() {
        synchronized (lifecycle) {
            return recorder == null ? List.of() : recorder.events();
        }
    }

    /**
     * Waits, without polling, until at least {@code count} events are recorded (since the last
     * {@link #clearRecordedEvents()}) or the timeout passes, so a test need not sleep. A count above
     * {@link Builder#maxEvents(int)} is never reached: the ring keeps that many at most.
     *
     * @return true when that many are recorded, false when the timeout passed first (or the server is not started)
     */
    public boolean awaitRecordedEvents(int count, Duration timeout) throws InterruptedException {
        Recorder current;
        synchronized (lifecycle) {
            current = recorder;
        }
        return current != null && current.awaitSize(count, timeout.toNanos());
    }

    /** Forgets the recorded events; the record file is left as it is. Returns how many were forgotten. */
    public int clearRecordedEvents() {
        synchronized (lifecycle) {
            return recorder == null ? 0 : recorder.clear();
        }
    }

    /**
     * Stops answering: lets the requests in progress finish, closes the listening socket and the record file.
     * Recorded events stay readable. Idempotent.
     */
    public void stop() {
        Server server;
        ServerConnector listening;
        RequestsInProgress requests;
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            stopped = true;
            server = jetty;
            listening = connector;
            requests = inProgress;
            if (server == null) {
                return;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Called from the hook itself: the JVM is already shutting down.
            }
        }
        // Stop accepting first: an answer sent from now on closes its connection. End the event streams (they
        // would hold the graceful stop for its whole timeout), then close each connection once it has no request
        // in progress, rather than wait out Jetty's shutdown idle timeout for kept-alive ones.
        listening.shutdown();
        journal.close();
        try {
            requests.closeWhenIdle(listening, STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // Jetty's own graceful stop below still bounds the wait
        }
        try {
            server.stop();   // graceful up to the stop timeout: requests in progress are answered
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "stopping the HTTP server: " + e);
        }
        try {
            recorder.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the record file " + recordFile + ": " + e);
        }
    }

    /** The request thread bound in effect (the builder's, or the default for the fsync setting). */
    int threads() {
        return threads;
    }

    /** Long-polls waiting now (for tests in this package). */
    int journalWaiting() {
        synchronized (lifecycle) {
            return journal == null ? 0 : journal.waiting();
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private InetSocketAddress started() {
        synchronized (lifecycle) {
            if (bound == null) {
                throw new IllegalStateException("the server is not started");
            }
            return bound;
        }
    }

    /**
     * True for "localhost" and loopback IP literals. Any other name counts as not loopback: resolving it could
     * ask a DNS server, and nothing here opens a network connection.
     */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!IPV4_LITERAL.matcher(host).matches() && !host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();   // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Settings for a {@link PinpointEventsServer}; every setter is optional. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Path recordFile;
        private Path eventStreamFile;
        private Set<String> applicationIds = Set.of();
        private int threads;   // 0: the default for the fsync setting
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        private int maxEvents = DEFAULT_MAX_EVENTS;
        private int maxEndpoints = DEFAULT_MAX_ENDPOINTS;
        private boolean fsync;
        private boolean allowNonLoopback;
        private ValidatorConfig validatorConfig = ValidatorConfig.builder().warnings(false).build();

        private Builder() {
        }

        /** The address to listen on (default 127.0.0.1); a non-loopback one needs {@link #allowNonLoopback}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free port, see {@link PinpointEventsServer#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * An NDJSON file to append each accepted event to, one {@link RecordedEvent#toJson()} object a line
         * (default: none). An existing file is appended to, never truncated.
         */
        public Builder recordFile(Path recordFile) {
            this.recordFile = recordFile;
            return this;
        }

        /**
         * An NDJSON file to append each accepted event's event-stream record to, one record a line, as Pinpoint
         * streamed it to Kinesis (default: none; the mapping is
         * {@link io.github.pinpointevents.core.eventstream.EventStreamRecords}), with the request's arrival time
         * as {@code arrival_timestamp}. Kept like the record file: appended to, a torn last line moved to
         * FILE.torn on start, a request's records written together before its answer, forced with
         * {@link #fsync(boolean)}.
         */
        public Builder eventStreamFile(Path eventStreamFile) {
            this.eventStreamFile = eventStreamFile;
            return this;
        }

        /**
         * The application ids that exist; requests for others get 404 NotFoundException "Resource not found", as
         * the service answers for an unknown project. Empty (the default): every id exists.
         */
        public Builder applicationIds(Set<String> applicationIds) {
            this.applicationIds = Set.copyOf(applicationIds);
            return this;
        }

        /**
         * At most this many threads (default {@value #DEFAULT_THREADS}, or {@value #DEFAULT_FSYNC_THREADS} with
         * {@link #fsync(boolean)}; Jetty keeps 2 for accepting and I/O).
         */
        public Builder threads(int threads) {
            this.threads = atLeast("threads", threads, 4);
            return this;
        }

        /** Open connections at most (default {@value #DEFAULT_MAX_CONNECTIONS}); beyond it, accepting waits. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = atLeast("maxConnections", maxConnections, 1);
            return this;
        }

        /**
         * How long a connection may send nothing, while its headers or body are awaited or between requests,
         * before it is answered 408 (in a request) or closed (default 10 s).
         */
        public Builder idleTimeout(Duration idleTimeout) {
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** The request line and headers at most, in bytes (default {@value #DEFAULT_MAX_HEADER_BYTES}); over: 431. */
        public Builder maxHeaderBytes(int maxHeaderBytes) {
            this.maxHeaderBytes = atLeast("maxHeaderBytes", maxHeaderBytes, 1024);
            return this;
        }

        /** Recent events kept in memory (default {@value #DEFAULT_MAX_EVENTS}); the oldest are dropped. */
        public Builder maxEvents(int maxEvents) {
            this.maxEvents = atLeast("maxEvents", maxEvents, 1);
            return this;
        }

        /** Endpoints UpdateEndpoint keeps for GetEndpoint (default {@value #DEFAULT_MAX_ENDPOINTS}). */
        public Builder maxEndpoints(int maxEndpoints) {
            this.maxEndpoints = atLeast("maxEndpoints", maxEndpoints, 1);
            return this;
        }

        /**
         * Forces each request's record lines to the disk before its answer (default false); the requests written
         * while one force runs share the next.
         */
        public Builder fsync(boolean fsync) {
            this.fsync = fsync;
            return this;
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
            }
            return value;
        }

        /** Allows a host that is not a loopback address, e.g. 0.0.0.0 in a container (default false). */
        public Builder allowNonLoopback(boolean allowNonLoopback) {
            this.allowNonLoopback = allowNonLoopback;
            return this;
        }

        /** The decision engine's settings (default: warnings off; they never change an answer). */
        public Builder validatorConfig(ValidatorConfig validatorConfig) {
            this.validatorConfig = Objects.requireNonNull(validatorConfig, "validatorConfig");
            return this;
        }

        /** A server with these settings, not yet started. */
        public PinpointEventsServer build() {
            return new PinpointEventsServer(this);
        }
    }
}
