/** Warnings: what the service accepts but a downstream reader would likely regret. They never change a decision. */
package io.github.pinpointevents.core.rules.warning;
