package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.RequestCheck;
import io.github.pinpointevents.core.rules.RequestView;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** More than 100 events in one request. The schema bounds one endpoint; this class counts the whole batch. */
public final class TooManyEventsRule extends Rule implements SchemaBound, RequestCheck {

    public static final int MAX_EVENTS = 100;

    public TooManyEventsRule() {
        super(error("request.too-many-events", Level.REQUEST)
                .message("Number of events in a request should be at most 100")
                .documented("Quota 'Maximum number of events in a request: 100 per request'"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-events); every SDK batches at most 100"
                        + " (https://github.com/aws-amplify/aws-sdk-android/pull/1058)."
                        + " https://github.com/aws-amplify/aws-sdk-android/issues/977 lost a 105-event batch"
                        + " whole, so the whole request is refused; the message is ours.")
                .describe("The endpoints' Events maps hold more than 100 events together."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/EventsBatch/properties/Events/maxProperties");
    }

    @Override
    public void check(RequestView request, Findings findings) {
        int total = 0;
        for (JsonNode batch : request.batchItem().values()) {
            total += batch.path("Events").size();
        }
        if (total > MAX_EVENTS) {
            findings.report(this, "/BatchItem", total + " events");
        }
    }
}
