package io.github.pinpointevents.core.generate;

/** How generated requests are written. */
public enum OutputFormat {
    /** One AWS CLI input document ({@code {"ApplicationId":...,"EventsRequest":...}}) per line. */
    NDJSON("ndjson"),
    /** A directory of request bodies as sent on the wire (one compact {@code EventsRequest} per file) and an index. */
    REQUESTS("requests"),
    /** A directory of AWS CLI input documents, each usable with {@code aws pinpoint put-events --cli-input-json}. */
    CLI_INPUT("cli-input"),
    /** One JSON array of AWS CLI input documents. */
    JSON_ARRAY("json-array"),
    /**
     * The event-stream records Pinpoint would have streamed for the requests' accepted events, one a line, as
     * Firehose wrote them to S3 (see {@code io.github.pinpointevents.core.eventstream}).
     */
    EVENT_STREAM("event-stream");

    private final String id;

    OutputFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the output is a directory of files rather than one file (or standard output). */
    public boolean directory() {
        return this == REQUESTS || this == CLI_INPUT;
    }

    /** The file a build tool writes this format to inside its output directory; null for directory formats. */
    public String fileName() {
        return switch (this) {
            case NDJSON -> "requests.ndjson";
            case JSON_ARRAY -> "requests.json";
            case EVENT_STREAM -> "records.ndjson";
            default -> null;
        };
    }

    public static OutputFormat of(String id) {
        for (OutputFormat f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id
                + "' (ndjson, requests, cli-input, json-array, event-stream)");
    }
}
