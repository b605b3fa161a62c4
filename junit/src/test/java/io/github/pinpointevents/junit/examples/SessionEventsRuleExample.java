package io.github.pinpointevents.junit.examples;

import static org.junit.Assert.assertEquals;

import io.github.pinpointevents.junit.PinpointEventsRule;
import io.github.pinpointevents.server.RecordedEvent;
import java.util.List;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.Event;
import software.amazon.awssdk.services.pinpoint.model.EventsBatch;
import software.amazon.awssdk.services.pinpoint.model.PublicEndpoint;
import software.amazon.awssdk.services.pinpoint.model.PutEventsRequest;

@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SessionEventsRuleExample {

    // @ClassRule: one server for the class; @Rule on the same field: events cleared before each test.
    @ClassRule
    @Rule
    public static PinpointEventsRule events = new PinpointEventsRule();

    static void send(String eventType) {
        Event event = Event.builder().eventType(eventType).timestamp("2026-12-07T06:00:00Z").build();
        try (PinpointClient client = PinpointClient.builder()
                .endpointOverride(events.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            client.putEvents(PutEventsRequest.builder()
                    .applicationId("7b4e6a2c9f1d4e0b8a3c5d6e7f809a1b")
                    .eventsRequest(r -> r.batchItem(Map.of("ep-1", EventsBatch.builder()
                            .endpoint(PublicEndpoint.builder().build()).events(Map.of("e-1", event)).build())))
                    .build());
        }
    }

    @Test
    public void a_sessionStartIsRecorded() {
        send("_session.start");

        List<RecordedEvent> recorded = events.recordedEvents();
        assertEquals(1, recorded.size());
        assertEquals("_session.start", recorded.get(0).eventType());
    }

    @Test
    public void b_theNextTestStartsEmpty() {
        assertEquals(0, events.recordedEvents().size());
    }
}
