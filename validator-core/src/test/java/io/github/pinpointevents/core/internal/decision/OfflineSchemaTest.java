package io.github.pinpointevents.core.internal.decision;

import io.github.pinpointevents.core.internal.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.networknt.schema.InvalidSchemaException;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Schemas never reach out: a schema whose {@code $ref} or {@code $schema} points at a remote address is
 * refused by {@link SchemaEngine#registry()} with a clear error, and nothing connects to that address. The
 * address is a server socket of this test on the loopback interface, so a fetch would be seen (and would
 * leave the machine in no case). A request body is data, never a schema: its {@code $schema} member is an
 * unknown member, refused as such, and not fetched either.
 */
class OfflineSchemaTest {

    private ServerSocket server;
    private String remote;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(200);
        remote = "http://127.0.0.1:" + server.getLocalPort() + "/schemas/";
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void aRemoteRefIsRefusedNotFetched() throws IOException {
        JsonNode schema = Json.MAPPER.readTree("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
                + " \"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"" + remote + "a.json\"}}}");
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> {
            Schema s = SchemaEngine.registry().getSchema(SchemaLocation.of(SchemaEngine.ID_PREFIX + "remote-ref.json"),
                    schema);
            s.initializeValidators();
            s.validate(Json.MAPPER.readTree("{\"a\": 1}"));
        });
        assertEquals("Schema from '" + remote + "a.json' is not allowed to be loaded.", e.getMessage());
        assertNoConnection();
    }

    @Test
    void aRemoteMetaSchemaIsRefusedNotFetched() throws IOException {
        JsonNode schema = Json.MAPPER.readTree("{\"$schema\": \"" + remote + "meta\", \"type\": \"object\"}");
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> SchemaEngine.registry()
                .getSchema(SchemaLocation.of(SchemaEngine.ID_PREFIX + "remote-meta.json"), schema)
                .initializeValidators());
        assertEquals("Schema from '" + remote + "meta' is not allowed to be loaded.", e.getMessage());
        assertNoConnection();
    }

    @Test
    void ourSchemasAndTheBundledMetaSchemasAreLocal() {
        new SchemaEngine(RuleCatalogue.get()); // loads events-request.schema.json and the files it refers to
        assertEquals(List.of(true, true, true, false, false, false), List.of(
                SchemaEngine.isLocal(SchemaEngine.ID_PREFIX + "events-request.schema.json"),
                SchemaEngine.isLocal("classpath:io/github/pinpointevents/schemas/x.json"),
                SchemaEngine.isLocal("https://json-schema.org/draft/2020-12/schema"),
                SchemaEngine.isLocal("https://json-schema.org.example.com/draft/2020-12/schema"),
                SchemaEngine.isLocal(remote),
                SchemaEngine.isLocal("file:///etc/passwd")));
    }

    /** A body's "$schema" is a member like any other: the model has none, so it is unknown, and not followed. */
    @Test
    void aBodysSchemaMemberIsDataNotAFetch() throws IOException {
        byte[] body = ("{\"$schema\": \"" + remote + "events.json\", \"BatchItem\": {\"ep\": {\"Endpoint\": {\"$ref\":"
                + " \"" + remote + "ep.json\"}, \"Events\": {}}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Decision d = PutEventsValidator.create(ValidatorConfig.defaults()).decide(body);
        assertEquals("Request body contains a member that is not part of the EventsRequest model",
                d.error().message());
        assertEquals(List.of("request.unknown-member /BatchItem/ep/Endpoint/$ref", "request.unknown-member /$schema"),
                d.errors().stream().map(v -> v.rule().id() + " " + v.pointer()).toList());
        assertNoConnection();
    }

    private void assertNoConnection() throws IOException {
        try {
            server.accept().close();
            throw new AssertionError("something connected to " + remote);
        } catch (SocketTimeoutException expected) {
            // nobody came
        }
    }
}
