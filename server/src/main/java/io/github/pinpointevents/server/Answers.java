package io.github.pinpointevents.server;

import io.github.pinpointevents.core.JsonCodec;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the server's answers: JSON bodies, and errors in the service's shape. */
final class Answers {

    static final String REQUEST_ID = "x-amzn-RequestId";
    static final String ERROR_TYPE = "x-amzn-ErrorType";

    private Answers() {
    }

    static void json(Response response, Callback callback, int status, JsonNode body) {
        bytes(response, callback, status, JsonCodec.write(body));
    }

    static void bytes(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** {@code {"Message": ..., "RequestID": ...}} with the x-amzn-ErrorType header, as the service answers. */
    static void error(Response response, Callback callback, String requestId, int status, String errorType,
            String message) {
        response.getHeaders().put(ERROR_TYPE, errorType);
        json(response, callback, status, errorBody(requestId, message));
    }

    static ObjectNode errorBody(String requestId, String message) {
        ObjectNode body = JsonCodec.object();
        body.put("Message", message);
        body.put("RequestID", requestId);
        return body;
    }

    /** The error type for a status the HTTP layer answers by itself (a malformed or oversized request). */
    static String errorType(int status) {
        return switch (status) {
            case 400 -> "BadRequestException";
            case 404 -> "NotFoundException";
            case 405 -> "MethodNotAllowedException";
            case 408 -> "RequestTimeoutException";
            case 413 -> "PayloadTooLargeException";
            case 414 -> "UriTooLongException";
            case 431 -> "RequestHeaderFieldsTooLargeException";
            case 503 -> "ServiceUnavailableException";
            default -> status >= 500 ? "InternalServerErrorException" : "BadRequestException";
        };
    }
}
