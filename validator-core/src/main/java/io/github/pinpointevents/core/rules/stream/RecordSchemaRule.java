package io.github.pinpointevents.core.rules.stream;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** An event-stream record that does not satisfy schemas/event-stream-record.schema.json. */
public final class RecordSchemaRule extends Rule {

    public RecordSchemaRule() {
        super(error("record.schema", Level.EVENT)
                .message("Record does not match the event-stream record schema")
                .documented("Members and types of the App event example,"
                        + " https://docs.aws.amazon.com/pinpoint/latest/developerguide/event-streams-data-app.html,"
                        + " as schemas/event-stream-record.schema.json states them. The message is ours.")
                .describe("A member is missing, has the wrong type, or is not a member of the record."));
    }
}
