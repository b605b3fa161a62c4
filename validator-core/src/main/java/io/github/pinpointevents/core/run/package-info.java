/**
 * A validate run as every front end starts it: the CLI's {@code validate}, the Maven goal, the Gradle task.
 * A front end maps its options onto one {@link io.github.pinpointevents.core.run.FixtureRun} and makes one
 * call; reading inputs, deciding, and writing each report (replacing a file only once it is complete) happen
 * here, so the front ends cannot drift apart.
 */
package io.github.pinpointevents.core.run;
