package io.github.pinpointevents.core.result;

import io.github.pinpointevents.core.internal.CompactNodeFactory;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service's answer to one request body: an {@link EventsResponse} (HTTP 202) or a {@link ServiceError},
 * with the findings behind it. Warnings never change the answer.
 *
 * @param response the per-item answer, or null when the whole request is refused
 * @param error the whole-request error, or null when the request is accepted
 * @param errors every error finding, in decision order
 * @param warnings every warning finding
 * @param unlisted findings that fired but are not listed (errors, warnings and, in a fixture run, the AWS
 *     CLI's): a request lists at most {@link #MAX_LISTED} of each, so a hostile body cannot make a report
 *     (or the heap) grow with it
 */
public record Decision(EventsResponse response, ServiceError error, List<Finding> errors,
        List<Finding> warnings, long unlisted) {

    /**
     * Findings of each severity a decision lists. One finding is enough to refuse a request; a hundred show a
     * pattern; 300,000 numbers where strings belong once made validate run out of memory.
     */
    public static final int MAX_LISTED = 100;

    public Decision {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (unlisted < 0) {
            throw new IllegalArgumentException("unlisted < 0");
        }
    }

    /** A decision that lists every finding behind it. */
    public Decision(EventsResponse response, ServiceError error, List<Finding> errors, List<Finding> warnings) {
        this(response, error, errors, warnings, 0);
    }

    /** True when the request is accepted and every item is 202. */
    public boolean allAccepted() {
        return error == null && response.allAccepted();
    }

    /**
     * The decision as an expected file holds it: {@code {"EventsResponse": {...}}} or
     * {@code {"Error": {"Code", "Message", "HTTPStatusCode"}}}.
     */
    public ObjectNode toJson() {
        ObjectNode node = CompactNodeFactory.INSTANCE.objectNode();
        if (error != null) {
            node.set("Error", error.toJson());
        } else {
            node.set("EventsResponse", response.toJson());
        }
        return node;
    }
}
