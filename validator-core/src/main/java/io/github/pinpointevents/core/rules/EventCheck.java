package io.github.pinpointevents.core.rules;

/** A rule checked in code on one event. */
public interface EventCheck {

    void check(EventView event, Findings findings);
}
