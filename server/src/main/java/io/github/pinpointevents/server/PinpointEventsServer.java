package io.github.pinpointevents.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.EventsResponse;
import io.github.pinpointevents.core.result.ItemResponse;
import io.github.pinpointevents.core.result.ItemStatus;
import io.github.pinpointevents.core.rules.request.PayloadTooLargeRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Amazon Pinpoint events endpoint: answers {@code POST /v1/apps/{application-id}/events} (PutEvents) as
 * the service would, from the decision engine's service layer, and records the events it accepts so tests can
 * assert on what their code sent. Point the AWS CLI ({@code --endpoint-url}) or an SDK
 * ({@code endpointOverride}) at {@link #endpoint()}.
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
 * allow-list), {@code 405 MethodNotAllowedException} for other methods on the events path. Every answer carries an
 * {@code x-amzn-RequestId} header; errors carry {@code x-amzn-ErrorType} and a
 * {@code {"Message": ..., "RequestID": ...}} body. {@value #RECORDED_EVENTS_PATH} answers {@code GET} (the
 * recorded events as JSON) and {@code DELETE} (forget them).
 *
 * <p>Built on the JDK's own {@code com.sun.net.httpserver} with a bounded thread pool. Thread-safe; not
 * restartable once stopped.
 */
public final class PinpointEventsServer implements AutoCloseable {

    /** The path of the recording API; it cannot collide with an AWS API path, which all start with /v1/. */
    public static final String RECORDED_EVENTS_PATH = "/_pinpoint-events/recorded-events";

    /** The largest body the service accepts; one byte more is enough to answer 413. */
    public static final int MAX_BODY_BYTES = PayloadTooLargeRule.MAX_BODY_BYTES;

    static final String NOT_FOUND_MESSAGE = "Resource not found";

    private static final Pattern EVENTS_PATH = Pattern.compile("/v1/apps/([^/]+)/events");
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /**
     * How much of a refused oversized body is read and thrown away, so that the client, still sending, gets to
     * read the 413 instead of a reset connection. Beyond it the connection is closed.
     */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(PinpointEventsServer.class.getName());

    static {
        // The JDK server writes a response's headers and body in two writes. With Nagle's algorithm on, the body
        // waits for the client's delayed ACK of the headers: about 40 ms per request on Linux loopback. The
        // property is read once, when the JDK creates its first HttpServer; a value set by the user is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String host;
    private final int requestedPort;
    private final Path recordFile;
    private final Set<String> applicationIds;
    private final int threads;
    private final boolean allowNonLoopback;
    private final ValidatorConfig validatorConfig;
    private final AtomicInteger inFlight = new AtomicInteger();

    // Set once by start(), before the first request can arrive.
    private final Object lifecycle = new Object();
    private PutEventsValidator validator;
    private HttpServer http;
    private ThreadPoolExecutor executor;
    private Recorder recorder;
    private InetSocketAddress bound;
    private Thread shutdownHook;
    private boolean stopped;

    private PinpointEventsServer(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.recordFile = b.recordFile;
        this.applicationIds = Set.copyOf(b.applicationIds);
        this.threads = b.threads;
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
            if (http != null || stopped) {
                throw new IllegalStateException(stopped ? "the server was stopped" : "the server is already started");
            }
            if (!allowNonLoopback && !isLoopback(host)) {
                throw new IllegalArgumentException("'" + host + "' is not a loopback address (127.0.0.1, ::1,"
                        + " localhost); listening on another interface must be allowed explicitly");
            }
            PutEventsValidator engine = PutEventsValidator.create(validatorConfig);
            Recorder opened = new Recorder(recordFile);
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(host, requestedPort), 0);
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
            AtomicInteger threadNumber = new AtomicInteger();
            // Bounded: a fixed number of threads and a bounded queue; when both are full the dispatcher thread
            // runs the exchange itself, which stops it accepting new ones (back pressure, nothing dropped).
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(threads * 64), r -> {
                        Thread t = new Thread(r, "pinpoint-events-http-" + threadNumber.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }, new ThreadPoolExecutor.CallerRunsPolicy());
            // Set before the first request can arrive; the executor's hand-off publishes them to its threads.
            this.validator = engine;
            this.recorder = opened;
            this.executor = pool;
            this.http = server;
            this.bound = server.getAddress();
            server.setExecutor(pool);
            server.createContext("/", this::handle);
            server.start();
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
        HttpServer server;
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            stopped = true;
            server = http;
            if (server == null) {
                return;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Called from the hook itself: the JVM is already shutting down.
            }
        }
        // JDK 17's HttpServer.stop(n) waits the whole n seconds even with nothing in progress (fixed in JDK 21),
        // so it is given time only when an exchange is being answered.
        server.stop(inFlight.get() > 0 ? 2 : 0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            recorder.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the record file " + recordFile + ": " + e);
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

    // ---------------------------------------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        String requestId = UUID.randomUUID().toString();
        try {
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            route(exchange, requestId);
        } catch (IOException | UncheckedIOException e) {
            // The client went away, or the server is stopping: there is no one left to answer.
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "pinpoint-events: internal error answering "
                    + exchange.getRequestMethod() + " " + exchange.getRequestURI(), e);
            if (exchange.getResponseCode() == -1) {
                try {
                    error(exchange, requestId, 500, "InternalServerErrorException",
                            "Internal error in pinpoint-events: " + e);
                } catch (IOException ignored) {
                    // Nothing more can be done for this exchange.
                }
            }
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    private void route(HttpExchange exchange, String requestId) throws IOException {
        String path = Objects.requireNonNullElse(exchange.getRequestURI().getRawPath(), "");
        String method = exchange.getRequestMethod();
        Matcher events = EVENTS_PATH.matcher(path);
        if (events.matches()) {
            if (!method.equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                error(exchange, requestId, 405, "MethodNotAllowedException",
                        "Method " + method + " is not allowed on /v1/apps/{application-id}/events; use POST");
                return;
            }
            String applicationId = decodePathSegment(events.group(1));
            if (applicationId == null || (!applicationIds.isEmpty() && !applicationIds.contains(applicationId))) {
                error(exchange, requestId, 404, "NotFoundException", NOT_FOUND_MESSAGE);
                return;
            }
            putEvents(exchange, requestId, applicationId);
        } else if (path.equals(RECORDED_EVENTS_PATH)) {
            recordedEvents(exchange, requestId, method);
        } else {
            error(exchange, requestId, 404, "NotFoundException", NOT_FOUND_MESSAGE);
        }
    }

    private void putEvents(HttpExchange exchange, String requestId, String applicationId) throws IOException {
        InputStream in = exchange.getRequestBody();
        // Never more than one byte over the limit in memory: that byte is enough to decide 413.
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            drain(in);
        }
        Decision decision = validator.decide(body);
        if (decision.error() != null) {
            error(exchange, requestId, decision.error().httpStatus(), decision.error().errorType(),
                    decision.error().message());
            return;
        }
        try {
            recorder.record(accepted(applicationId, body, decision.response()));
        } catch (IOException e) {
            // A 202 would tell the caller its events were kept when they were not.
            error(exchange, requestId, 500, "InternalServerErrorException",
                    "pinpoint-events could not record the accepted events: " + e.getMessage());
            return;
        }
        send(exchange, 202, Json.MAPPER.writeValueAsBytes(decision.response().toJson()));
    }

    /** The events the response accepts (per-event 202), in request order, as they were sent. */
    private static List<RecordedEvent> accepted(String applicationId, byte[] body, EventsResponse response) {
        boolean any = response.results().values().stream()
                .anyMatch(item -> item.eventsItemResponse().values().stream().anyMatch(ItemStatus::accepted));
        if (!any) {
            return List.of();
        }
        // The engine accepted this body, so it parses; the engine keeps its tree to itself.
        JsonNode batchItem = Json.MAPPER.readTree(body).path("BatchItem");
        List<RecordedEvent> accepted = new ArrayList<>();
        for (Map.Entry<String, ItemResponse> item : response.results().entrySet()) {
            JsonNode events = batchItem.path(item.getKey()).path("Events");
            for (Map.Entry<String, ItemStatus> event : item.getValue().eventsItemResponse().entrySet()) {
                JsonNode sent = events.path(event.getKey());
                if (event.getValue().accepted() && sent.isObject()) {
                    accepted.add(new RecordedEvent(applicationId, item.getKey(), event.getKey(), sent));
                }
            }
        }
        return accepted;
    }

    private void recordedEvents(HttpExchange exchange, String requestId, String method) throws IOException {
        switch (method) {
            case "GET" -> {
                ObjectNode answer = Json.MAPPER.createObjectNode();
                ArrayNode list = answer.putArray("RecordedEvents");
                recorder.events().forEach(e -> list.add(e.toJson()));
                send(exchange, 200, Json.MAPPER.writeValueAsBytes(answer));
            }
            case "DELETE" -> {
                ObjectNode answer = Json.MAPPER.createObjectNode();
                answer.put("Cleared", recorder.clear());
                send(exchange, 200, Json.MAPPER.writeValueAsBytes(answer));
            }
            default -> {
                exchange.getResponseHeaders().set("Allow", "GET, DELETE");
                error(exchange, requestId, 405, "MethodNotAllowedException",
                        "Method " + method + " is not allowed on " + RECORDED_EVENTS_PATH + "; use GET or DELETE");
            }
        }
    }

    private static void error(HttpExchange exchange, String requestId, int status, String errorType, String message)
            throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("Message", message);
        body.put("RequestID", requestId);
        send(exchange, status, Json.MAPPER.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (exchange.getRequestMethod().equals("HEAD")) {
            // A HEAD answer has no body; a length here would make the JDK server log a warning.
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long drained = 0;
        int n;
        while (drained < DRAIN_LIMIT && (n = in.read(sink)) >= 0) {
            drained += n;
        }
    }

    /** The decoded path segment (%XX escapes, UTF-8; '+' is a plus sign in a path), or null when malformed. */
    private static String decodePathSegment(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
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
        private Set<String> applicationIds = Set.of();
        private int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
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
         * The application ids that exist; requests for others get 404 NotFoundException "Resource not found", as
         * the service answers for an unknown project. Empty (the default): every id exists.
         */
        public Builder applicationIds(Set<String> applicationIds) {
            this.applicationIds = Set.copyOf(applicationIds);
            return this;
        }

        /** Request threads (default: twice the processors, at least 4). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
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
