/**
 * The AWS CLI's side of {@code aws pinpoint put-events}, offline: how it reads its parameters, what it refuses
 * before sending, and how it prints the answer ({@code --query}, {@code --output}). Front ends call
 * {@link io.github.pinpointevents.core.awscli.AwsCliPutEvents#run}.
 */
package io.github.pinpointevents.core.awscli;
