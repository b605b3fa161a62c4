package io.github.pinpointevents.core.result;

import io.github.pinpointevents.core.internal.CompactNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole-request error: the exception name (sent as {@code x-amzn-ErrorType}), the HTTP status and the
 * {@code Message} of the {@code {"Message": ..., "RequestID": ...}} body.
 */
public record ServiceError(String errorType, int httpStatus, String message) {

    /** {@code {"Code": ..., "Message": ..., "HTTPStatusCode": ...}}, botocore's view of the error. */
    public ObjectNode toJson() {
        ObjectNode node = CompactNodeFactory.INSTANCE.objectNode();
        node.put("Code", errorType);
        node.put("Message", message);
        node.put("HTTPStatusCode", httpStatus);
        return node;
    }
}
