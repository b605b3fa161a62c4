/** The AWS CLI's own parameter checks (botocore's), made before any request is sent. */
package io.github.pinpointevents.core.rules.client;
