package io.github.pinpointevents.server;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.PythonJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Paths of the repository and a plain HTTP client for the tests. */
final class TestSupport {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private TestSupport() {
    }

    static Path repoRoot() {
        String root = System.getProperty("pinpoint.repo.root");
        Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(path.resolve("samples"))) {
            throw new IllegalStateException("cannot find the repository root (samples/) from " + path);
        }
        return path.normalize();
    }

    static Path sample(String name) {
        return repoRoot().resolve("samples").resolve(name);
    }

    /**
     * The request body a sample stands for: a bare EventsRequest as it is, or the EventsRequest of an AWS CLI
     * input document as botocore would send it.
     */
    static byte[] body(Path sample) throws IOException {
        byte[] bytes = Files.readAllBytes(sample);
        try {
            JsonNode doc = Json.MAPPER.readTree(bytes);
            if (doc != null && doc.isObject() && doc.has("EventsRequest")) {
                return PythonJson.dumps(doc.get("EventsRequest"));
            }
        } catch (JacksonException e) {
            // Not JSON: sent as it is.
        }
        return bytes;
    }

    static HttpResponse<String> post(PinpointEventsServer server, String path, byte[] body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(server, path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(PinpointEventsServer server, String path) {
        return server.endpoint().resolve(path);
    }

    static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    static java.util.List<String> strings(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }

    static JsonNode json(Path file) throws IOException {
        return Json.MAPPER.readTree(Files.readAllBytes(file));
    }
}
