package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/**
 * A body with more JSON objects and arrays than pinpoint-events builds a tree for. Decided by one streaming
 * count before any tree is built, so memory stays bounded whatever the 4,000,000 bytes hold.
 */
public final class TooManyContainersRule extends Rule {

    /**
     * About 1,000 times what a full request from an SDK holds (100 events of four objects each, and an endpoint
     * of about ten), above the 347,000 of the most endpoints an accepted body holds (115,600 empty endpoints with
     * no spaces, bench FindingsBomb {@code most-endpoints}). A tree of this many objects takes about 30 MB of
     * heap, with members held in arrays ({@code core.internal.MemberMap}); with Jackson's default maps it took
     * twice that.
     */
    public static final int MAX_CONTAINERS = 400_000;

    public TooManyContainersRule() {
        super(error("request.too-many-containers", Level.REQUEST)
                .message("Request body holds more than " + MAX_CONTAINERS + " JSON objects and arrays")
                .inferred("No quota or service text covers this; it is our bound. A tree of a body under the 4 MB"
                        + " limit made of small objects (1,300,000 '{}' where strings belong) needs several times"
                        + " 64 MB of heap, and no client sends such a body: the SDKs send at most 100 events a request,"
                        + " each a few objects. So the whole request is refused,"
                        + " the conservative reading; a body with more than 100 events is refused as"
                        + " request.too-many-events instead, which the same count finds.")
                .describe("The body holds more than " + MAX_CONTAINERS + " objects and arrays in all."));
    }
}
