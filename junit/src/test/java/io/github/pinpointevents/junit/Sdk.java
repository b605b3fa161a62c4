package io.github.pinpointevents.junit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.Event;
import software.amazon.awssdk.services.pinpoint.model.EventsBatch;
import software.amazon.awssdk.services.pinpoint.model.PublicEndpoint;
import software.amazon.awssdk.services.pinpoint.model.PutEventsRequest;

/** The AWS SDK for Java v2 client set up as server's AwsSdkV2Test does, for the tests that are not doc examples. */
final class Sdk {

    static final String APP = "7b4e6a2c9f1d4e0b8a3c5d6e7f809a1b";

    private Sdk() {
    }

    /** Sends one event of each type in one PutEvents call; returns how many the server answered 202. */
    static long send(URI endpoint, String... eventTypes) {
        Map<String, Event> events = new LinkedHashMap<>();
        for (int i = 0; i < eventTypes.length; i++) {
            events.put("e-" + i, Event.builder().eventType(eventTypes[i]).timestamp("2026-12-07T06:00:0" + i + "Z")
                    .build());
        }
        try (PinpointClient client = PinpointClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return client.putEvents(PutEventsRequest.builder()
                    .applicationId(APP)
                    .eventsRequest(r -> r.batchItem(Map.of("ep-1",
                            EventsBatch.builder().endpoint(PublicEndpoint.builder().build()).events(events).build())))
                    .build())
                    .eventsResponse().results().get("ep-1").eventsItemResponse().values().stream()
                    .filter(r -> r.statusCode() == 202).count();
        }
    }
}
