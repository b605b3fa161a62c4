package io.github.pinpointevents.core.eventstream;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Decision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends the event-stream records of each decided request to an NDJSON file, one record a line, as Firehose
 * wrote them to S3: the one call {@code serve --event-stream FILE} makes per PutEvents request, before it answers.
 * Crash-safe the way the server's record file is: the file is opened for appending (never truncated), a request's
 * lines go out in one write through a channel without a buffer of its own, and a file left ending in a partial
 * line (a crash mid-write) gets a newline before the next record, so every whole line stays a whole record.
 * Thread-safe.
 */
public final class EventStreamWriter implements AutoCloseable {

    private final Object lock = new Object();
    private final Path path;
    private final FileChannel file;
    private boolean startNewLine;
    private boolean closed;

    private EventStreamWriter(Path path) throws IOException {
        this.path = path;
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try (FileChannel read = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = read.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                read.read(last, size - 1);
                startNewLine = last.get(0) != '\n';
            }
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    /** Opens (creating it if need be) the record file for appending. */
    public static EventStreamWriter open(Path path) throws IOException {
        return new EventStreamWriter(path);
    }

    public Path path() {
        return path;
    }

    /**
     * Writes the records of one request's accepted events; nothing for a refused request or item.
     *
     * @param applicationId the request's ApplicationId (from its path)
     * @param body the body exactly as received; only read when the decision accepted some event
     * @param decision the service's decision on {@code body}
     * @param arrival when the request arrived (the server's clock)
     * @return how many records were written
     * @throws IOException when the file cannot be written, or the writer is closed
     */
    public int write(String applicationId, byte[] body, Decision decision, Instant arrival) throws IOException {
        if (decision.response() == null || decision.response().results().values().stream()
                .noneMatch(i -> i.endpointItemResponse().accepted()
                        && i.eventsItemResponse().values().stream().anyMatch(s -> s.accepted()))) {
            return 0;
        }
        JsonNode request;
        try {
            request = Json.readStrict(body);
        } catch (JacksonException e) {
            return 0; // a body the service accepted parses; this only guards a caller passing other bytes
        }
        List<ObjectNode> records = EventStreamRecords.records(applicationId, request, decision.response(),
                arrival.toEpochMilli());
        return writeRecords(records);
    }

    /** Appends records as they are, one a line, in one write. */
    public int writeRecords(List<ObjectNode> records) throws IOException {
        if (records.isEmpty()) {
            return 0;
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (ObjectNode record : records) {
            lines.writeBytes(Json.MAPPER.writeValueAsBytes(record));
            lines.write('\n');
        }
        synchronized (lock) {
            if (closed) {
                throw new IOException("the event-stream file " + path + " is closed");
            }
            if (startNewLine) {
                writeFully(ByteBuffer.wrap(new byte[] {'\n'}));
                startNewLine = false;
            }
            writeFully(ByteBuffer.wrap(lines.toByteArray()));
        }
        return records.size();
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            file.write(bytes);
        }
    }

    /** Closes the file after a write in progress, so it ends with a whole line. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                file.close();
            }
        }
    }
}
