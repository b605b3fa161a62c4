package io.github.pinpointevents.core.generate;

import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.EventsResponse;
import io.github.pinpointevents.core.result.ServiceError;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the generator expects for a request, derived from the mutation it applied (never from the validator):
 * the service's answer and, where the generator can tell, the AWS CLI's parameter validation.
 *
 * @param response the per-item answer (HTTP 202), or null when the whole request is refused
 * @param error the whole-request error, or null
 * @param parameterValidation the AWS CLI's refusal lines in botocore's words: empty when the CLI sends the request,
 *        null when the generator cannot tell (the CLI cannot even read malformed JSON)
 */
public record Expectation(EventsResponse response, ServiceError error, List<String> parameterValidation) {

    public Expectation {
        if ((response == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of response and error");
        }
        parameterValidation = parameterValidation == null ? null : List.copyOf(parameterValidation);
    }

    /** True when the service accepts the request and every item is 202. */
    public boolean allAccepted() {
        return error == null && response.allAccepted();
    }

    /**
     * The expected file's content: {@code {"EventsResponse": ...}} or {@code {"Error": ...}}, with
     * {@code "ParameterValidation": [...]} when the AWS CLI refuses the request.
     */
    public ObjectNode toJson() {
        ObjectNode node = new Decision(response, error, List.of(), List.of()).toJson();
        if (parameterValidation != null && !parameterValidation.isEmpty()) {
            parameterValidation.forEach(node.putArray("ParameterValidation")::add);
        }
        return node;
    }
}
