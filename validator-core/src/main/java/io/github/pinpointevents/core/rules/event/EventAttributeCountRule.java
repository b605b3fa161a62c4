package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.EventCheck;
import io.github.pinpointevents.core.rules.EventView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/**
 * 40 or more attribute and metric keys on one event. The schema bounds each map at 39; this class counts
 * the two maps together.
 */
public final class EventAttributeCountRule extends Rule implements SchemaBound, EventCheck {

    /** "should be less than 40": 39 keys at most. */
    public static final int MAX_KEYS = 39;

    public EventAttributeCountRule() {
        super(error("event.attribute-count", Level.EVENT)
                .message("Number of attributes per event submitted should be less than 40.")
                .observed("https://github.com/aws-amplify/amplify-android/pull/2112 ('tested locally'), the"
                        + " response body in https://github.com/aws-amplify/amplify-swift/issues/2471."
                        + " Conflicts: the quota"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-events) says 40 keys, the message 'less than 40' (we refuse 40);"
                        + " SDKs count attributes and metrics separately, AWS Support (per that issue) together"
                        + " (we count them together). Both choices are the conservative reading.")
                .describe("Event.Attributes and Event.Metrics hold 40 or more keys together."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/EventAttributes/maxProperties", "/$defs/EventMetrics/maxProperties");
    }

    @Override
    public void check(EventView event, Findings findings) {
        int attributes = event.event().path("Attributes").size();
        int metrics = event.event().path("Metrics").size();
        // Each map alone over the limit is already reported by the schema.
        if (attributes <= MAX_KEYS && metrics <= MAX_KEYS && attributes + metrics > MAX_KEYS) {
            findings.report(this, event.pointer(), attributes + " attributes and " + metrics + " metrics");
        }
    }
}
