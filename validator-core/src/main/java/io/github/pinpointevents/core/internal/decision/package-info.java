/**
 * Not API: the decision engine behind {@link io.github.pinpointevents.core.PutEventsValidator}: the fast schema
 * walk, networknt's schema engine for the messages, the rule loop and the bounded list of findings.
 */
package io.github.pinpointevents.core.internal.decision;
