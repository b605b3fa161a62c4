package io.github.pinpointevents.core.rules;

/** A rule checked in code on one item of {@code BatchItem}. */
public interface EndpointCheck {

    void check(EndpointView endpoint, Findings findings);
}
