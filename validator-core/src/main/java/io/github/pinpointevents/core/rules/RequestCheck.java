package io.github.pinpointevents.core.rules;

/** A rule checked in code over the whole request (counts across the batch, for example). */
public interface RequestCheck {

    void check(RequestView request, Findings findings);
}
