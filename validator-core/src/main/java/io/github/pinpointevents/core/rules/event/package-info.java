/** Rules that judge one event: its attributes, metrics, size and session arithmetic. */
package io.github.pinpointevents.core.rules.event;
