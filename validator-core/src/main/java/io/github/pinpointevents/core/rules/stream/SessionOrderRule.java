package io.github.pinpointevents.core.rules.stream;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** A record whose session stops before it starts: the service refused such a session's events. */
public final class SessionOrderRule extends Rule {

    public SessionOrderRule() {
        super(error("record.session-order", Level.EVENT)
                .message("session.stop_timestamp is before session.start_timestamp")
                .inferred("The service refused an event whose Session.Duration is negative or differs from"
                        + " StopTimestamp - StartTimestamp (rules event.session-duration-negative and"
                        + " event.session-duration-mismatch, in validator-core/src/main/java/io/github/"
                        + "pinpointevents/core/rules/event/), so no streamed record stops before it starts. The"
                        + " message is ours.")
                .describe("session.stop_timestamp is less than session.start_timestamp."));
    }
}
