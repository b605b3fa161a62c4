/** Rules that judge one endpoint item: its attributes, size, channel and the events it carries. */
package io.github.pinpointevents.core.rules.endpoint;
