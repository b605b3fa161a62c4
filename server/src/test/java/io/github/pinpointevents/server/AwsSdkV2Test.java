package io.github.pinpointevents.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.BadRequestException;
import software.amazon.awssdk.services.pinpoint.model.EndpointDemographic;
import software.amazon.awssdk.services.pinpoint.model.Event;
import software.amazon.awssdk.services.pinpoint.model.EventsBatch;
import software.amazon.awssdk.services.pinpoint.model.EventsRequest;
import software.amazon.awssdk.services.pinpoint.model.ItemResponse;
import software.amazon.awssdk.services.pinpoint.model.NotFoundException;
import software.amazon.awssdk.services.pinpoint.model.PayloadTooLargeException;
import software.amazon.awssdk.services.pinpoint.model.PublicEndpoint;
import software.amazon.awssdk.services.pinpoint.model.PutEventsRequest;
import software.amazon.awssdk.services.pinpoint.model.PutEventsResponse;
import software.amazon.awssdk.services.pinpoint.model.Session;

/**
 * The AWS SDK for Java v2 {@code PinpointClient}, pointed at the server with {@code endpointOverride}: it signs its
 * requests (the server does not check signatures) and, unlike the AWS CLI, sends bodies without checking required
 * members, so the service's own per-event decisions reach it.
 */
class AwsSdkV2Test {

    private static final String APP = "7b4e6a2c9f1d4e0b8a3c5d6e7f809a1b";
    private static final String ENDPOINT_ID = "2f0c8e1a-6b3d-4c5e-9f70-81a2b3c4d5e6";

    private PinpointEventsServer server;
    private PinpointClient client;

    @BeforeEach
    void start() throws Exception {
        server = PinpointEventsServer.builder().build().start();
        client = client(server);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    static PinpointClient client(PinpointEventsServer server) {
        return PinpointClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void acceptedAndRefusedEventsInOneCall() {
        Map<String, Event> events = new LinkedHashMap<>();
        events.put("ev-start", Event.builder()
                .eventType("_session.start")
                .timestamp("2025-05-06T13:04:27.913Z")
                .session(Session.builder().id("s-1").startTimestamp("2025-05-06T13:04:27.913Z").build())
                .attributes(Map.of("screen", "home"))
                .metrics(Map.of("count", 1.0))
                .build());
        // No EventType: the SDK does not check required members, so the service's per-event answer comes back.
        events.put("ev-untyped", Event.builder().timestamp("2025-05-06T13:04:28.000Z").build());

        PutEventsResponse response = client.putEvents(request(events));

        ItemResponse item = response.eventsResponse().results().get(ENDPOINT_ID);
        assertEquals(202, item.endpointItemResponse().statusCode());
        assertEquals("Accepted", item.endpointItemResponse().message());
        assertEquals(202, item.eventsItemResponse().get("ev-start").statusCode());
        assertEquals("Accepted", item.eventsItemResponse().get("ev-start").message());
        assertEquals(400, item.eventsItemResponse().get("ev-untyped").statusCode());
        assertEquals("Event type cannot be null, empty or blank", item.eventsItemResponse().get("ev-untyped").message());
        assertEquals(202, response.sdkHttpResponse().statusCode());
        assertNotNull(response.responseMetadata().requestId());

        List<RecordedEvent> recorded = server.recordedEvents();
        assertEquals(1, recorded.size());
        RecordedEvent start = recorded.get(0);
        assertEquals(APP, start.applicationId());
        assertEquals(ENDPOINT_ID, start.endpointId());
        assertEquals("ev-start", start.eventId());
        assertEquals(TestSupport.json("{\"Attributes\":{\"screen\":\"home\"},\"EventType\":\"_session.start\","
                + "\"Metrics\":{\"count\":1.0},\"Session\":{\"Id\":\"s-1\",\"StartTimestamp\":\"2025-05-06T13:04:27.913Z\"},"
                + "\"Timestamp\":\"2025-05-06T13:04:27.913Z\"}"), start.event());
    }

    @Test
    void aWholeRequestErrorIsThrownWithTheServiceMessage() {
        Map<String, Event> events = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            events.put("ev-" + i, Event.builder().eventType("tick").timestamp("2025-05-06T13:04:27.913Z").build());
        }

        BadRequestException e = assertThrows(BadRequestException.class, () -> client.putEvents(request(events)));

        assertEquals(400, e.statusCode());
        assertEquals("BadRequestException", e.awsErrorDetails().errorCode());
        assertEquals("Number of events in a request should be at most 100", e.awsErrorDetails().errorMessage());
        assertEquals(e.requestId(), UUID.fromString(e.requestId()).toString());
        assertEquals(List.of(), server.recordedEvents());
    }

    @Test
    void aBodyOverFourMegabytesIsPayloadTooLarge() {
        Map<String, Event> events = Map.of("big", Event.builder().eventType("log").timestamp("2025-05-06T13:04:27.913Z")
                .attributes(Map.of("text", "x".repeat(PinpointEventsServer.MAX_BODY_BYTES))).build());

        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class,
                () -> client.putEvents(request(events)));

        assertEquals(413, e.statusCode());
        assertEquals("Request body exceeds the maximum size of 4 MB", e.awsErrorDetails().errorMessage());
    }

    @Test
    void anUnknownApplicationIsNotFound() throws Exception {
        try (PinpointEventsServer limited = PinpointEventsServer.builder().applicationIds(Set.of("other-app")).build()
                .start();
                PinpointClient limitedClient = client(limited)) {
            NotFoundException e = assertThrows(NotFoundException.class, () -> limitedClient.putEvents(request(Map.of(
                    "e", Event.builder().eventType("tick").timestamp("2025-05-06T13:04:27.913Z").build()))));
            assertEquals(404, e.statusCode());
            assertEquals("Resource not found", e.awsErrorDetails().errorMessage());
            assertFalse(limited.recordedEvents().iterator().hasNext());
        }
    }

    private static PutEventsRequest request(Map<String, Event> events) {
        PublicEndpoint endpoint = PublicEndpoint.builder()
                .demographic(EndpointDemographic.builder().platform("ANDROID").locale("en_US").build())
                .optOut("ALL")
                .build();
        return PutEventsRequest.builder()
                .applicationId(APP)
                .eventsRequest(EventsRequest.builder()
                        .batchItem(Map.of(ENDPOINT_ID, EventsBatch.builder().endpoint(endpoint).events(events).build()))
                        .build())
                .build();
    }
}
