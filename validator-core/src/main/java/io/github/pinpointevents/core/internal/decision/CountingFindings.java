package io.github.pinpointevents.core.internal.decision;

import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Rule;

/**
 * A sink that can tell when one more finding of a rule would only be counted: its rule has listed all it may,
 * and it cannot change the answer. A reporter whose finding is costly to describe (networknt's message and
 * instance path are built on demand) asks first and counts instead, so a body of two million misplaced values
 * costs a counter, not two million messages.
 */
interface CountingFindings extends Findings {

    boolean onlyCounts(Rule rule);

    /**
     * Counts one finding that {@link #onlyCounts} said would not be listed.
     *
     * @param location where it was found, compared by {@code equals} with the rule's last one: two keywords that
     *     fail on one value (a timestamp's format and pattern) are one finding
     */
    void count(Rule rule, Object location);
}
