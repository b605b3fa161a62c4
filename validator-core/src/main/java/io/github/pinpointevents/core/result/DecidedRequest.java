package io.github.pinpointevents.core.result;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A decision together with the request it was made on, so a caller that goes on to use the request's
 * members (a server recording the accepted events) does not parse the body a second time.
 *
 * @param request the body as parsed, as sent (null members kept), a JSON object; null when the body was
 *        refused before it parsed as one (413, not UTF-8, malformed JSON, not an object). Shared with the
 *        decision's maker: read it, never change it.
 * @param decision the service's answer
 */
public record DecidedRequest(JsonNode request, Decision decision) {

    public DecidedRequest {
        Objects.requireNonNull(decision, "decision");
    }
}
