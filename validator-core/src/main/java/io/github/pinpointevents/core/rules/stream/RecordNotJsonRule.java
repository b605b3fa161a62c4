package io.github.pinpointevents.core.rules.stream;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** An event-stream line that is not one JSON object of at most 1 MiB. */
public final class RecordNotJsonRule extends Rule {

    /** A Kinesis Data Streams record's data blob holds at most 1 MiB. */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    public RecordNotJsonRule() {
        super(error("record.not-json", Level.EVENT)
                .message("Record is not a JSON object of at most 1 MiB")
                .documented("Firehose writes one JSON record a line to S3; a Kinesis record's data is at most 1 MiB"
                        + " (https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html). The"
                        + " message is ours.")
                .describe("A line of an event-stream file is not parsable JSON, not an object, or longer than"
                        + " 1 MiB."));
    }
}
