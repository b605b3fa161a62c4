package io.github.pinpointevents.cli;

import io.github.pinpointevents.server.PinpointEventsServer;
import java.time.Duration;
import picocli.CommandLine.Option;

/** serve's limits and durability options (a mixin of {@link ServeCommand}); each maps to one builder setting. */
final class ServeLimits {

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads at most (default: " + PinpointEventsServer.DEFAULT_THREADS + ", or "
                    + PinpointEventsServer.DEFAULT_FSYNC_THREADS + " with --fsync; at least 4)."
                    + " Slow clients hold no thread: bodies are read as they arrive.")
    String threads;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Open connections at most (default: " + PinpointEventsServer.DEFAULT_MAX_CONNECTIONS
                    + "); further clients wait to be accepted.")
    String maxConnections;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "A connection that sends nothing this long while its headers or body are awaited gets"
                    + " 408 RequestTimeoutException, or is closed between requests (default: "
                    + "10).")
    String idleTimeout;

    @Option(names = "--max-header-bytes", paramLabel = "N",
            description = "Request line and headers at most (default: " + PinpointEventsServer.DEFAULT_MAX_HEADER_BYTES
                    + "); larger ones get 431 RequestHeaderFieldsTooLargeException.")
    String maxHeaderBytes;

    @Option(names = "--max-events", paramLabel = "N",
            description = "Recent accepted events kept in memory for the recording API (default: "
                    + PinpointEventsServer.DEFAULT_MAX_EVENTS + ", and at most 32 MB of them); the oldest are"
                    + " dropped. The --record file keeps every one.")
    String maxEvents;

    @Option(names = "--max-endpoints", paramLabel = "N",
            description = "Endpoints kept from UpdateEndpoint for GetEndpoint (default: "
                    + PinpointEventsServer.DEFAULT_MAX_ENDPOINTS + "); the least recently updated are forgotten.")
    String maxEndpoints;

    @Option(names = "--fsync",
            description = "Force each request's record lines to the disk before it is answered (power-loss"
                    + " durability; requests written during one force share the next; its cost: docs/serve.md).")
    boolean fsync;

    /** Applies the options given; throws IllegalArgumentException with a one-line message for a bad value. */
    void applyTo(PinpointEventsServer.Builder builder) {
        if (threads != null) {
            builder.threads(number("--threads", threads, 4));
        }
        if (maxConnections != null) {
            builder.maxConnections(number("--max-connections", maxConnections, 1));
        }
        if (idleTimeout != null) {
            builder.idleTimeout(Duration.ofSeconds(number("--idle-timeout", idleTimeout, 1)));
        }
        if (maxHeaderBytes != null) {
            builder.maxHeaderBytes(number("--max-header-bytes", maxHeaderBytes, 1024));
        }
        if (maxEvents != null) {
            builder.maxEvents(number("--max-events", maxEvents, 1));
        }
        if (maxEndpoints != null) {
            builder.maxEndpoints(number("--max-endpoints", maxEndpoints, 1));
        }
        builder.fsync(fsync);
    }

    static int atMost(String option, int n, int max, String range) {
        if (n > max) {
            throw new IllegalArgumentException(option + " must be " + range + ": " + n);
        }
        return n;
    }

    static int number(String option, String value, int min) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number: " + value);
        }
        if (n < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ": " + value);
        }
        return n;
    }
}
