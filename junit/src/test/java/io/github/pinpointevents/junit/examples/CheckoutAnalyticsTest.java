package io.github.pinpointevents.junit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pinpointevents.junit.PinpointEvents;
import io.github.pinpointevents.junit.PinpointEventsTest;
import io.github.pinpointevents.server.RecordedEvent;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.Event;
import software.amazon.awssdk.services.pinpoint.model.EventsBatch;
import software.amazon.awssdk.services.pinpoint.model.PublicEndpoint;
import software.amazon.awssdk.services.pinpoint.model.PutEventsRequest;
import software.amazon.awssdk.services.pinpoint.model.PutEventsResponse;

@PinpointEventsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckoutAnalyticsTest {

    static URI classEndpoint;

    @BeforeAll
    static void rememberEndpoint(PinpointEvents events) {
        classEndpoint = events.endpoint();
    }

    static PinpointClient client(URI endpoint) {
        return PinpointClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static PutEventsRequest request(Map<String, Event> events) {
        return PutEventsRequest.builder()
                .applicationId("7b4e6a2c9f1d4e0b8a3c5d6e7f809a1b")
                .eventsRequest(r -> r.batchItem(Map.of("ep-1",
                        EventsBatch.builder().endpoint(PublicEndpoint.builder().build()).events(events).build())))
                .build();
    }

    @Test
    @Order(1)
    void aPurchaseIsRecordedAndAnUntypedEventRefused(PinpointEvents events) {
        try (PinpointClient client = client(events.endpoint())) {
            PutEventsResponse response = client.putEvents(request(Map.of(
                    "buy", Event.builder().eventType("purchase").timestamp("2026-12-07T06:00:00Z").build(),
                    "oops", Event.builder().timestamp("2026-12-07T06:00:01Z").build())));

            assertEquals("Event type cannot be null, empty or blank", response.eventsResponse().results()
                    .get("ep-1").eventsItemResponse().get("oops").message());
        }
        List<RecordedEvent> recorded = events.recordedEvents();
        assertEquals(1, recorded.size());
        assertEquals("purchase", recorded.get(0).eventType());
    }

    @Test
    @Order(2)
    void eachTestStartsWithNoRecordedEvents(PinpointEvents events) {
        assertEquals(List.of(), events.recordedEvents());
    }

    @Nested
    class WhenTheCartIsAbandoned {

        @Test
        void theNestedClassSharesTheServer(PinpointEvents events) {
            assertEquals(classEndpoint, events.endpoint());
            try (PinpointClient client = client(events.endpoint())) {
                client.putEvents(request(Map.of(
                        "left", Event.builder().eventType("cart.abandoned").timestamp("2026-12-07T06:00:02Z").build())));
            }
            assertEquals("cart.abandoned", events.recordedEvents().get(0).eventType());
        }
    }
}
