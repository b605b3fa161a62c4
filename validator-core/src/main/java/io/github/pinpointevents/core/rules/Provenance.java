package io.github.pinpointevents.core.rules;

/** How much we know about a rule's message and trigger. */
public enum Provenance {
    /** The message is the service's (or botocore's) own words, seen in public or run here. */
    OBSERVED,
    /** AWS documents the limit; the message is our wording. */
    DOCUMENTED,
    /** Our conservative reading: no source shows the service doing this; the message is ours. */
    INFERRED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
