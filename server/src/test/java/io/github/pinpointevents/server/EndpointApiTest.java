package io.github.pinpointevents.server;

import static io.github.pinpointevents.server.TestSupport.json;
import static io.github.pinpointevents.server.TestSupport.send;
import static io.github.pinpointevents.server.TestSupport.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** UpdateEndpoint and GetEndpoint, and the 405 naming every other /v1/apps operation. */
class EndpointApiTest {

    private static final String ENDPOINT = "/v1/apps/app-1/endpoints/ep-1";
    private PinpointEventsServer server;

    @BeforeEach
    void start() throws Exception {
        server = PinpointEventsServer.builder().maxEndpoints(2).build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(server, path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(server, path)));
    }

    @Test
    void updateEndpointIsAcceptedAndGetEndpointReturnsWhatWasRegistered() throws Exception {
        HttpResponse<String> updated = put(ENDPOINT, "{\"ChannelType\":\"IN_APP\",\"OptOut\":\"ALL\","
                + "\"Demographic\":{\"Platform\":\"web\"},\"Attributes\":{\"plan\":[\"free\"]}}");
        assertEquals(202, updated.statusCode());
        String requestId = updated.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertEquals(json("{\"MessageBody\":{\"Message\":\"Accepted\",\"RequestID\":\"" + requestId + "\"}}"),
                json(updated.body()));

        // A second update merges over the first, as UpdateEndpoint creates or updates.
        assertEquals(202, put(ENDPOINT, "{\"User\":{\"UserId\":\"u-1\"}}").statusCode());
        HttpResponse<String> got = get(ENDPOINT);
        assertEquals(200, got.statusCode());
        JsonNode endpoint = json(got.body());
        assertEquals("ep-1", endpoint.get("Id").asString());
        assertEquals("app-1", endpoint.get("ApplicationId").asString());
        assertEquals("IN_APP", endpoint.get("ChannelType").asString());
        assertEquals("u-1", endpoint.get("User").get("UserId").asString());
        assertEquals("free", endpoint.get("Attributes").get("plan").get(0).asString());
    }

    @Test
    void anUnknownEndpointIsNotFoundAndTheMapIsBounded() throws Exception {
        HttpResponse<String> missing = get("/v1/apps/app-1/endpoints/nobody");
        assertEquals(404, missing.statusCode());
        assertEquals("NotFoundException", missing.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("Resource not found", json(missing.body()).get("Message").asString());

        for (String id : new String[] {"a", "b", "c"}) {
            assertEquals(202, put("/v1/apps/app-1/endpoints/" + id, "{\"OptOut\":\"ALL\"}").statusCode());
        }
        assertEquals(404, get("/v1/apps/app-1/endpoints/a").statusCode());   // maxEndpoints(2): oldest forgotten
        assertEquals(200, get("/v1/apps/app-1/endpoints/c").statusCode());
    }

    @Test
    void badEndpointRequestsAreBadRequests() throws Exception {
        String[][] cases = {
            {"{\"OptOut\":\"NONE\"}", "Missing Address"},
            {"{\"Attributes\":{\"plan\":\"free\"}}", "Invalid value for Attributes in the EndpointRequest"},
            {"{\"ChannelType\":\"PIGEON\"}", "Invalid value for ChannelType in the EndpointRequest"},
            {"[1]", "The request body must be a JSON object (EndpointRequest)"},
            {"{", "The request body must be a JSON object (EndpointRequest)"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = put(ENDPOINT, c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            assertEquals("BadRequestException", r.headers().firstValue("x-amzn-ErrorType").orElseThrow(), c[0]);
            assertEquals(c[1], json(r.body()).get("Message").asString(), c[0]);
        }
        assertEquals(404, get(ENDPOINT).statusCode());
    }

    @Test
    void otherOperationsAreNotImplementedAndNamed() throws Exception {
        String[][] cases = {
            {"GET", "/v1/apps/app-1", "GetApp (GET /v1/apps/app-1)"},
            {"DELETE", ENDPOINT, "DeleteEndpoint (DELETE " + ENDPOINT + ")"},
            {"GET", "/v1/apps/app-1/users/u-1", "GetUserEndpoints (GET /v1/apps/app-1/users/u-1)"},
            {"POST", "/v1/apps/app-1/messages", "SendMessages (POST /v1/apps/app-1/messages)"},
            {"GET", "/v1/apps/app-1/campaigns", "the operation GET /v1/apps/app-1/campaigns"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(server, c[1]))
                    .method(c[0], HttpRequest.BodyPublishers.noBody()));
            assertEquals(405, r.statusCode(), c[1]);
            assertEquals("MethodNotAllowedException", r.headers().firstValue("x-amzn-ErrorType").orElseThrow());
            assertEquals("pinpoint-events serve does not implement " + c[2] + "; it answers PutEvents,"
                    + " UpdateEndpoint and GetEndpoint", json(r.body()).get("Message").asString());
        }
    }
}
