package io.github.pinpointevents.junit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pinpointevents.junit.PinpointEventsExtension;
import io.github.pinpointevents.server.RecordedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.Event;
import software.amazon.awssdk.services.pinpoint.model.EventsBatch;
import software.amazon.awssdk.services.pinpoint.model.NotFoundException;
import software.amazon.awssdk.services.pinpoint.model.PublicEndpoint;
import software.amazon.awssdk.services.pinpoint.model.PutEventsRequest;

class BackgroundUploadTest {

    static final String APP = "7b4e6a2c9f1d4e0b8a3c5d6e7f809a1b";

    // Static: one server for the class. Only APP exists on it; other application ids get 404.
    @RegisterExtension
    static PinpointEventsExtension events = new PinpointEventsExtension()
            .configureServer(server -> server.applicationIds(Set.of(APP)));

    static PinpointClient client() {
        return PinpointClient.builder()
                .endpointOverride(events.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static PutEventsRequest request(String applicationId, String eventType) {
        Event event = Event.builder().eventType(eventType).timestamp("2026-12-07T06:00:00Z").build();
        return PutEventsRequest.builder()
                .applicationId(applicationId)
                .eventsRequest(r -> r.batchItem(Map.of("ep-1",
                        EventsBatch.builder().endpoint(PublicEndpoint.builder().build()).events(Map.of("e-1", event))
                                .build())))
                .build();
    }

    @Test
    void waitsForEventsSentFromAnotherThread() {
        try (PinpointClient client = client()) {
            CompletableFuture.runAsync(() -> {
                client.putEvents(request(APP, "_session.start"));
                client.putEvents(request(APP, "_session.stop"));
            });

            List<RecordedEvent> recorded = events.awaitEvents(2, Duration.ofSeconds(10));

            assertEquals(List.of("_session.start", "_session.stop"),
                    recorded.stream().map(RecordedEvent::eventType).toList());
        }
    }

    @Test
    void anotherApplicationIsNotFound() {
        try (PinpointClient client = client()) {
            NotFoundException e = assertThrows(NotFoundException.class,
                    () -> client.putEvents(request("some-other-app", "purchase")));

            assertEquals("Resource not found", e.awsErrorDetails().errorMessage());
        }
        assertEquals(0, events.recordedEvents().size());
    }
}
