package io.github.pinpointevents.core.rules.warning;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.RequestCheck;
import io.github.pinpointevents.core.rules.RequestView;
import io.github.pinpointevents.core.rules.Rule;
import java.util.HashSet;
import java.util.Map.Entry;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * More distinct custom event attribute keys, or metric keys, in one request than an app may have at all.
 * The quotas count per app over time; one request can only show that they are certainly exceeded.
 */
public final class AppAttributeKeysWarning extends Rule implements RequestCheck {

    public static final int MAX_KEYS_PER_APP = 500;

    public AppAttributeKeysWarning() {
        super(warning("warn.app-attribute-keys", Level.EVENT)
                .message("This request alone holds more than 500 distinct custom attribute (or metric) keys, the"
                        + " quota for a whole app")
                .documented("Event ingestion quotas"
                        + " (https://docs.aws.amazon.com/pinpoint/latest/developerguide/"
                        + "quotas.html#quotas-events): 'Maximum number of custom attribute keys: 500 per app'"
                        + " and 'Maximum number of custom metric keys: 500 per app' (the same table gives 1,500"
                        + " event types and 100,000 values per key per app, which one request of 100 events"
                        + " cannot exceed). What the service does past them is not documented, so this only"
                        + " warns.")
                .describe("The events of the request use more than 500 distinct Attributes keys, or more than 500"
                        + " distinct Metrics keys; flagged at the event that brings the 501st."));
    }

    @Override
    public void check(RequestView request, Findings findings) {
        Set<String> attributes = new HashSet<>();
        Set<String> metrics = new HashSet<>();
        for (Entry<String, JsonNode> item : request.batchItem().properties()) {
            for (Entry<String, JsonNode> event : item.getValue().path("Events").properties()) {
                String at = count(event.getValue().path("Attributes"), attributes);
                if (at != null) {
                    findings.report(this, pointer(item, event, "/Attributes/", at), "key number " + attributes.size());
                }
                at = count(event.getValue().path("Metrics"), metrics);
                if (at != null) {
                    findings.report(this, pointer(item, event, "/Metrics/", at), "key number " + metrics.size());
                }
            }
        }
    }

    /** The key that brings the set past the quota, or null: pointers are built only for a finding. */
    private static String count(JsonNode map, Set<String> seen) {
        for (String key : map.propertyNames()) {
            if (seen.add(key) && seen.size() == MAX_KEYS_PER_APP + 1) {
                return key;
            }
        }
        return null;
    }

    private static String pointer(Entry<String, JsonNode> item, Entry<String, JsonNode> event, String map,
            String key) {
        return "/BatchItem/" + Json.escapePointer(item.getKey()) + "/Events/" + Json.escapePointer(event.getKey())
                + map + Json.escapePointer(key);
    }
}
