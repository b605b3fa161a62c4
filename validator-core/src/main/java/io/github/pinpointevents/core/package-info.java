/**
 * The library's entry point: {@link io.github.pinpointevents.core.PutEventsValidator} decides a PutEvents request
 * as the service would, configured by one {@link io.github.pinpointevents.core.ValidatorConfig}; {@link
 * io.github.pinpointevents.core.JsonCodec} reads and writes JSON with the engine's own parser settings.
 */
package io.github.pinpointevents.core;
