/**
 * Every rule the validator knows, in decision order ({@link io.github.pinpointevents.core.catalogue.RuleCatalogue}):
 * the one place a rule is registered, which the engine, the reports and {@code pinpoint-events rules} all read.
 */
package io.github.pinpointevents.core.catalogue;
