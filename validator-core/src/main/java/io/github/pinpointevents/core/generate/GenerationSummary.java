package io.github.pinpointevents.core.generate;

/**
 * What a run wrote.
 *
 * @param requests requests written (this shard's)
 * @param events events in them
 * @param invalid requests that carry a mutation
 * @param bytes bytes of request bodies, as sent
 */
public record GenerationSummary(long requests, long events, long invalid, long bytes) {
}
