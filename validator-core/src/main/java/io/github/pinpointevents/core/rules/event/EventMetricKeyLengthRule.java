package io.github.pinpointevents.core.rules.event;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** An event metric name of 50 characters or more. */
public final class EventMetricKeyLengthRule extends Rule implements SchemaBound {

    public EventMetricKeyLengthRule() {
        super(error("event.metric-key-length", Level.EVENT)
                .message("Event metric key length should be less than 50.")
                .inferred("The quota (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-events) gives 50 characters per attribute key; SDKs apply the same"
                        + " limit to metric keys (MAX_EVENT_TYPE_ATTRIBUTE_METRIC_KEY_LENGTH in"
                        + " https://github.com/aws-amplify/aws-sdk-ios/blob/main/AWSPinpoint/"
                        + "AWSPinpointEvent.m). No service text is seen; the message is ours, modelled on the"
                        + " attribute key message.")
                .describe("A key of Event.Metrics has 50 or more characters."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/$defs/EventMetrics/propertyNames");
    }
}
