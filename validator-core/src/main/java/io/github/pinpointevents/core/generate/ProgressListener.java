package io.github.pinpointevents.core.generate;

/** Told how a long run is going; the CLI prints it when a terminal is attached. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of this shard's {@code total} requests are written. */
    void progress(long done, long total);
}
