/** Rules that judge the whole request: transport, JSON, the schema's shape, the number of events. */
package io.github.pinpointevents.core.rules.request;
