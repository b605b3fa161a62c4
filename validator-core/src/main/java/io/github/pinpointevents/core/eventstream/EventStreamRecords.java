package io.github.pinpointevents.core.eventstream;

import io.github.pinpointevents.core.internal.CompactNodeFactory;
import io.github.pinpointevents.core.internal.Timestamps;
import io.github.pinpointevents.core.result.EventsResponse;
import io.github.pinpointevents.core.result.ItemResponse;
import io.github.pinpointevents.core.result.ItemStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a PutEvents request and the service's answer to it onto the records Pinpoint streamed: one per event
 * answered 202 whose endpoint was answered 202, in request order, nothing for a refused item or a refused request.
 * Pure: the same request, answer and arrival time give the same records (member order included). Which request
 * member feeds which record member is tabled in {@code docs/event-stream.md}.
 */
public final class EventStreamRecords {

    /** The record format's version, as the documented example shows it. */
    public static final String EVENT_VERSION = "3.0";

    private static final JsonNodeFactory NODES = CompactNodeFactory.INSTANCE;

    private EventStreamRecords() {
    }

    /**
     * The records of a request's accepted events.
     *
     * @param applicationId the request's ApplicationId (its path parameter)
     * @param eventsRequest the body as a JSON tree
     * @param response the service's 202 answer to it, or null when the whole request was refused
     * @param arrivalMillis when the request arrived, epoch milliseconds (the record's {@code arrival_timestamp})
     */
    public static List<ObjectNode> records(String applicationId, JsonNode eventsRequest, EventsResponse response,
            long arrivalMillis) {
        List<ObjectNode> records = new ArrayList<>();
        if (response == null || eventsRequest == null) {
            return records;
        }
        JsonNode batch = eventsRequest.path("BatchItem");
        for (Map.Entry<String, ItemResponse> item : response.results().entrySet()) {
            if (!item.getValue().endpointItemResponse().accepted()) {
                continue;
            }
            JsonNode entry = batch.path(item.getKey());
            JsonNode endpoint = entry.path("Endpoint");
            for (Map.Entry<String, ItemStatus> event : item.getValue().eventsItemResponse().entrySet()) {
                JsonNode source = entry.path("Events").path(event.getKey());
                if (event.getValue().accepted() && source.isObject()) {
                    records.add(record(applicationId, item.getKey(), endpoint, source, arrivalMillis));
                }
            }
        }
        return records;
    }

    /** The record of one accepted event; members the request does not carry are left out, never null. */
    public static ObjectNode record(String applicationId, String endpointId, JsonNode endpoint, JsonNode event,
            long arrivalMillis) {
        ObjectNode record = NODES.objectNode();
        record.put("event_type", event.path("EventType").asString(""));
        putMillis(record, "event_timestamp", event.get("Timestamp"));
        record.put("arrival_timestamp", arrivalMillis);
        record.put("event_version", EVENT_VERSION);

        ObjectNode application = record.putObject("application");
        application.put("app_id", applicationId);
        putText(application, "package_name", event.get("AppPackageName"));
        if (event.hasNonNull("SdkName") || event.hasNonNull("ClientSdkVersion")) {
            ObjectNode sdk = application.putObject("sdk");
            putText(sdk, "name", event.get("SdkName"));
            putText(sdk, "version", event.get("ClientSdkVersion"));
        }
        putText(application, "title", event.get("AppTitle"));
        JsonNode demographic = endpoint.path("Demographic");
        putText(application, "version_name", demographic.get("AppVersion"));
        putText(application, "version_code", event.get("AppVersionCode"));

        ObjectNode client = record.putObject("client");
        client.put("client_id", endpointId);
        putText(client, "cognito_id", endpoint.path("User").get("UserId"));

        if (demographic.isObject()) {
            ObjectNode device = NODES.objectNode();
            JsonNode locale = demographic.get("Locale");
            if (locale != null && locale.isString()) {
                ObjectNode parts = device.putObject("locale");
                String code = locale.stringValue();
                parts.put("code", code);
                int sep = Math.max(code.indexOf('_'), code.indexOf('-'));
                parts.put("country", sep < 0 ? "" : code.substring(sep + 1));
                parts.put("language", sep < 0 ? code : code.substring(0, sep));
            }
            putText(device, "make", demographic.get("Make"));
            putText(device, "model", demographic.get("Model"));
            if (demographic.hasNonNull("Platform") || demographic.hasNonNull("PlatformVersion")) {
                ObjectNode platform = device.putObject("platform");
                putText(platform, "name", demographic.get("Platform"));
                putText(platform, "version", demographic.get("PlatformVersion"));
            }
            record.set("device", device);
        }

        JsonNode session = event.get("Session");
        if (session != null && session.isObject()) {
            ObjectNode s = record.putObject("session");
            putText(s, "session_id", session.get("Id"));
            putMillis(s, "start_timestamp", session.get("StartTimestamp"));
            putMillis(s, "stop_timestamp", session.get("StopTimestamp"));
        }

        ObjectNode attributes = record.putObject("attributes");
        event.path("Attributes").properties().forEach(e -> {
            if (e.getValue().isString()) {
                attributes.put(e.getKey(), e.getValue().stringValue());
            }
        });
        ObjectNode metrics = record.putObject("metrics");
        event.path("Metrics").properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                metrics.set(e.getKey(), e.getValue());
            }
        });

        if (endpoint.isObject()) {
            ObjectNode copy = ((ObjectNode) endpoint).deepCopy();
            copy.put("Id", endpointId);
            record.set("endpoint", copy);
        }
        return record;
    }

    /** Epoch milliseconds of an RFC 3339 date-time, or null when it is absent or not one. */
    public static Long millis(JsonNode timestamp) {
        OffsetDateTime t = Timestamps.parse(timestamp);
        return t == null ? null : t.toInstant().toEpochMilli();
    }

    private static void putMillis(ObjectNode target, String name, JsonNode timestamp) {
        Long ms = millis(timestamp);
        if (ms != null) {
            target.put(name, ms);
        }
    }

    private static void putText(ObjectNode target, String name, JsonNode value) {
        if (value != null && value.isString()) {
            target.put(name, value.stringValue());
        }
    }
}
