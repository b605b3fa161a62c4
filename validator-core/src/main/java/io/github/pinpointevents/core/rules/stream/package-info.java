/** Rules for event-stream records (what Pinpoint streamed to Kinesis), used by {@code validate --kind event-stream}. */
package io.github.pinpointevents.core.rules.stream;
