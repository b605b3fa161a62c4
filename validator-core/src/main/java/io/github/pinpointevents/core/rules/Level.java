package io.github.pinpointevents.core.rules;

/** Where a rule's answer lands. */
public enum Level {
    /** The AWS CLI (botocore) refuses the request before sending it. */
    CLIENT,
    /** The service refuses the whole request with an error response. */
    REQUEST,
    /** The endpoint's {@code EndpointItemResponse}. */
    ENDPOINT,
    /** One event's entry in {@code EventsItemResponse}. */
    EVENT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
