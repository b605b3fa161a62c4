package io.github.pinpointevents.core;

import io.github.pinpointevents.core.internal.PythonJson;
import io.github.pinpointevents.core.internal.decision.Decider;
import io.github.pinpointevents.core.internal.Lazy;
import io.github.pinpointevents.core.internal.decision.ParameterValidator;
import io.github.pinpointevents.core.internal.decision.SchemaEngine;
import io.github.pinpointevents.core.result.DecidedRequest;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.ParameterFindings;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The entry point: decides what Amazon Pinpoint's PutEvents would answer, offline. Build one with
 * {@link #create(ValidatorConfig)} and share it: it is immutable and thread-safe.
 *
 * <pre>
 * PutEventsValidator validator = PutEventsValidator.create(ValidatorConfig.defaults());
 * Decision decision = validator.decide(bodyBytes);          // the service's answer
 * List&lt;Finding&gt; cli = validator.checkParameters(input, InputSource.CLI_INPUT_JSON); // AWS CLI
 * </pre>
 */
public final class PutEventsValidator {

    private final ValidatorConfig config;
    private final Decider decider;
    private final ParameterValidator parameters;

    private PutEventsValidator(ValidatorConfig config) {
        RuleCatalogue catalogue = RuleCatalogue.get();
        this.config = config;
        this.decider = new Decider(config.warnings(), config.clock(), catalogue, new Lazy<>(() -> new SchemaEngine(catalogue)));
        this.parameters = new ParameterValidator(catalogue);
    }

    public static PutEventsValidator create(ValidatorConfig config) {
        return new PutEventsValidator(config);
    }

    public ValidatorConfig config() {
        return config;
    }

    /**
     * The service's decision on a request body as sent on the wire (UTF-8 JSON): a whole-request error, or
     * a 202 with per-endpoint and per-event results. Never throws for bad input.
     */
    public Decision decide(byte[] body) {
        return decider.decide(body);
    }

    /**
     * As {@link #decide(byte[])}, also giving the parsed request, for a caller that goes on to read the
     * request's members: the body is parsed once.
     */
    public DecidedRequest decideRequest(byte[] body) {
        return decider.decideRequest(body);
    }

    /**
     * As {@link #decideRequest(byte[])}, for a caller that already parsed the body with {@link JsonCodec#read}
     * (the service's strict reading: a member named twice refused) into {@code parsed}: the decision is made on
     * that tree, without parsing the body again. The body is still needed, for its size and to place findings.
     */
    public DecidedRequest decideRequest(byte[] body, JsonNode parsed) {
        return decider.decideParsed(body, parsed);
    }

    /**
     * The service's decision on the body the AWS CLI sends for an {@code EventsRequest} it read (botocore's
     * {@code json.dumps} of it, {@link #decide(byte[])} of those bytes), made on the tree itself where the
     * service would read the body back as the same tree, so the request is parsed once. Its findings carry no
     * line and column (0): place them in the document the tree was read from.
     */
    public DecidedRequest decideAsSent(JsonNode eventsRequest) {
        return decider.decideWritten(eventsRequest, () -> PythonJson.dumps(eventsRequest));
    }

    /**
     * The service's answer to a body of this many bytes when its size alone decides it: the 413 of a body
     * over the 4,000,000-byte limit, which needs none of the body's bytes. Empty when the size is within the
     * limit. {@link #decide(byte[])} gives the same answer for such a body.
     */
    public Optional<Decision> decideBySize(long bodyBytes) {
        return decider.decideBySize(bodyBytes);
    }

    /**
     * The AWS CLI's (botocore's) parameter validation of a PutEvents input,
     * {@code {"ApplicationId": ..., "EventsRequest": ...}}, in botocore's order and words. Empty when the
     * CLI would send the request. Pointers are into {@code putEventsInput}.
     *
     * @param eventsRequestSource how the CLI got the EventsRequest; other members come from
     *        {@code --cli-input-json} or are strings
     */
    public List<Finding> checkParameters(JsonNode putEventsInput, InputSource eventsRequestSource) {
        return parameters.validate(putEventsInput, orderedDicts(eventsRequestSource));
    }

    /**
     * As {@link #checkParameters(JsonNode, InputSource)}, listing at most {@link Decision#MAX_LISTED}
     * findings and counting the rest: for reports, whose memory must not grow with a hostile input.
     */
    public ParameterFindings checkParametersListed(JsonNode putEventsInput, InputSource eventsRequestSource) {
        return parameters.validate(putEventsInput, orderedDicts(eventsRequestSource), Decision.MAX_LISTED);
    }

    /** botocore prints objects of {@code --events-request} as OrderedDicts (see {@link InputSource}). */
    private static boolean orderedDicts(InputSource source) {
        return source == InputSource.EVENTS_REQUEST_ARGUMENT;
    }
}
