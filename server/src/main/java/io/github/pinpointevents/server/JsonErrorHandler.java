package io.github.pinpointevents.server;

import io.github.pinpointevents.core.JsonCodec;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives by itself (headers too large: 431, a malformed request line: 400, an idle timeout
 * during a request: 500 or 408) in the same JSON shape as every other answer, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String requestId = UUID.randomUUID().toString();
        response.getHeaders().put(Answers.REQUEST_ID, requestId);
        Answers.error(response, callback, requestId, code, Answers.errorType(code), describe(code, message));
    }

    /** Errors found while parsing, before there is a request (e.g. 431): the body Jetty sends with them. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = UUID.randomUUID().toString();
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(Answers.REQUEST_ID, requestId);
        fields.put(Answers.ERROR_TYPE, Answers.errorType(status));
        return ByteBuffer.wrap(JsonCodec.write(Answers.errorBody(requestId, describe(status, reason))));
    }

    private static String describe(int status, String reason) {
        return switch (status) {
            case 431 -> "Request header fields too large (limit: --max-header-bytes)";
            case 414 -> "Request URI too long (limit: --max-header-bytes)";
            case 408 -> "Request timed out (limit: --idle-timeout)";
            default -> reason != null && !reason.isBlank() ? reason : "HTTP " + status;
        };
    }
}
