package io.github.pinpointevents.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.pinpointevents.core.JsonCodec;
import java.io.File;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real Amplify JS 6 analytics ({@code aws-amplify} from npm, tools/amplify) against serve: with fake Cognito
 * credentials and only the regional Pinpoint host rerouted (tools/amplify/record-events.mjs), every event it
 * records reaches serve, after the UpdateEndpoint call Amplify makes first for a new endpoint.
 */
class AmplifyJsTest {

    private static final Path TOOL = TestSupport.repoRoot().resolve("tools/amplify");
    private static final int EVENTS = 7;

    @Test
    void everyEventAmplifyRecordsIsInServe() throws Exception {
        assumeTrue(onPath("node"), "needs node on the PATH (Debian's nodejs package)");
        assumeTrue(Files.isDirectory(TOOL.resolve("node_modules/aws-amplify")),
                "needs aws-amplify: npm ci --prefix tools/amplify (.ci/run runs it)");
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            Process node = new ProcessBuilder("node", "record-events.mjs", server.endpoint().toString(), "amplify-app",
                    String.valueOf(EVENTS)).directory(TOOL.toFile()).redirectErrorStream(true).start();
            String output;
            try {
                assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish within 60 s");
                output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                node.destroyForcibly();
            }
            assertEquals(0, node.exitValue(), output);
            JsonNode summary = JsonCodec.read(output.lines().reduce((a, b) -> b).orElseThrow()
                    .getBytes(StandardCharsets.UTF_8));

            // Amplify's calls, in order: fake credentials, then UpdateEndpoint before any PutEvents.
            List<String> calls = new ArrayList<>();
            summary.path("calls").forEach(c -> calls.add(c.asString()));
            int update = indexOf(calls, "PUT /v1/apps/amplify-app/endpoints/", " 202");
            int put = indexOf(calls, "POST /v1/apps/amplify-app/events", " 202");
            assertTrue(calls.contains("POST cognito-identity AWSCognitoIdentityService.GetCredentialsForIdentity"),
                    calls.toString());
            assertTrue(update >= 0 && put > update, "UpdateEndpoint (202) before PutEvents (202): " + calls);
            assertTrue(calls.stream().noneMatch(c -> c.endsWith(" refused")), calls.toString());

            // Every recorded event is in serve, with the attributes and metrics record() was given.
            Set<String> types = new HashSet<>();
            String endpointId = null;
            for (RecordedEvent event : server.recordedEvents()) {
                types.add(event.eventType());
                endpointId = event.endpointId();
                int i = Integer.parseInt(event.eventType().substring("amplify.test.".length()));
                assertEquals(String.valueOf(i), event.event().path("Attributes").path("index").asString());
                assertEquals(i, event.event().path("Metrics").path("n").asInt());
            }
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < EVENTS; i++) {
                expected.add("amplify.test." + i);
            }
            assertEquals(expected, types);
            assertEquals(EVENTS, server.recordedEvents().size());

            // GetEndpoint returns what Amplify registered for that endpoint.
            var got = TestSupport.send(HttpRequest.newBuilder(TestSupport.uri(server,
                    "/v1/apps/amplify-app/endpoints/" + endpointId)).GET());
            assertEquals(200, got.statusCode(), got.body());
            assertEquals(endpointId, TestSupport.json(got.body()).path("Id").asString(), got.body());
        }
    }

    private static int indexOf(List<String> calls, String prefix, String suffix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix) && calls.get(i).endsWith(suffix)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
