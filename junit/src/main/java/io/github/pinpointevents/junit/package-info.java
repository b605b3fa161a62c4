/**
 * Runs the local PutEvents server ({@link io.github.pinpointevents.server.PinpointEventsServer}) around tests:
 * {@link io.github.pinpointevents.junit.PinpointEventsTest} or a
 * {@link io.github.pinpointevents.junit.PinpointEventsExtension} field for JUnit Jupiter, and
 * {@link io.github.pinpointevents.junit.PinpointEventsRule} for JUnit 4. A test reaches the server through a
 * {@link io.github.pinpointevents.junit.PinpointEvents} handle. Usage: docs/junit.md in the repository.
 */
package io.github.pinpointevents.junit;
