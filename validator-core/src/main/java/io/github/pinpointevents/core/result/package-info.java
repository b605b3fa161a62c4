/**
 * What a decision is made of, in the service's shapes: the whole-request error or the per endpoint and per event
 * answers ({@link io.github.pinpointevents.core.result.EventsResponse}), and the findings that led to them.
 * Immutable values.
 */
package io.github.pinpointevents.core.result;
