package io.github.pinpointevents.cli;

import io.github.pinpointevents.server.PinpointEventsServer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** serve's {@code --event-stream FILE} (a mixin of {@link ServeCommand}): maps to the builder's eventStreamFile. */
final class EventStreamOption {

    @Option(names = "--event-stream", paramLabel = "FILE.ndjson",
            description = "Also append each accepted event's event-stream record (the JSON Pinpoint streamed to"
                    + " Kinesis; docs/event-stream.md) to FILE, one a line, with the request's arrival time as"
                    + " arrival_timestamp. Kept like --record: appended to, a request's records written together"
                    + " before its answer (500 if they cannot be), a torn last line moved to FILE.torn on start,"
                    + " forced to the disk with --fsync.")
    String eventStream;

    /** Applies the option when given; throws IllegalArgumentException with a one-line message for a bad path. */
    void applyTo(PinpointEventsServer.Builder builder) {
        if (eventStream == null) {
            return;
        }
        try {
            builder.eventStreamFile(Path.of(eventStream));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--event-stream: " + e.getMessage(), e);
        }
    }
}
