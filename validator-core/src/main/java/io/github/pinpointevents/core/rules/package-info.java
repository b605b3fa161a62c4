/**
 * What a rule is: its id, level, severity, provenance and source ({@link io.github.pinpointevents.core.rules.Rule}),
 * the checks a rule can implement (request, endpoint, event) and the read-only views of a request they are given.
 * The rules themselves live in the sub-packages, one class each.
 */
package io.github.pinpointevents.core.rules;
