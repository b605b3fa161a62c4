package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.decision.SchemaEngine;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas are standard JSON Schema: ajv (draft 2020-12, strict mode, ajv-formats) loads them through
 * {@code tools/ajv/verdicts.mjs} and must give the same verdict as networknt ({@link SchemaEngine#conforms}) on
 * every document of the repository (samples/ and this module's test resources) and on a set of single mutations
 * of a valid request built here. A CLI input document ({@code {"ApplicationId", "EventsRequest"}}) is compared on
 * its EventsRequest member.
 *
 * <p>Needs Node.js and the packages of tools/ajv: {@code npm ci --prefix tools/ajv}. Without them the test fails;
 * it never skips.
 *
 * <p>A few date-time and pattern edge cases are judged differently by the two implementations, through no fault of
 * the schemas: they are kept out of the compared set and listed in {@link #knownDivergences()}, where a second
 * test checks that they still diverge exactly as described (and fails, asking to move them back, once they no
 * longer do).
 */
class SchemaPortabilityTest {

    /** Fewer compared documents than this means the comparison proves nothing. */
    private static final int MINIMUM_DOCUMENTS = 40;

    private static final String NPM_HINT = "run `npm ci --prefix tools/ajv` in the repository root"
            + " (Node.js 18 or later must be on the PATH)";

    private static final String VALID_TIMESTAMP = "2020-01-01T00:00:00.000Z";

    @TempDir
    static Path tmp;

    private static Map<String, JsonNode> ajvVerdicts;

    /** A document to judge: one file, or one line of an .ndjson/.jsonl file. */
    private record Doc(String origin, Path file, int line, String text) {
        String key() {
            return key(file.toAbsolutePath().normalize().toString(), line);
        }

        static String key(String file, int line) {
            return file + "#" + line;
        }

        String label(Path root) {
            Path shown = file.startsWith(root) ? root.relativize(file) : file.getFileName();
            return origin + ":" + shown + (line > 1 || isLines(file) ? ":" + line : "");
        }
    }

    /** An edge case on which ajv and networknt legitimately disagree. */
    private record Divergence(String name, String why, JsonNode body, boolean networknt, boolean ajv) {
    }

    @Test
    void ajvAndNetworkntGiveTheSameVerdicts() throws IOException {
        Path root = repoRoot();
        List<Doc> docs = new ArrayList<>();
        docs.addAll(collect("samples", root.resolve("samples"), root));
        docs.addAll(collect("test-resources", root.resolve("validator-core/src/test/resources"), root));
        Path generated = tmp.resolve("generated");
        docs.addAll(collect("generated", writeGenerated(generated), root));

        Map<String, JsonNode> ajv = ajvVerdicts(root);
        SchemaEngine engine = new SchemaEngine(RuleCatalogue.get());

        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> compared = new LinkedHashMap<>();
        int unparseable = 0;
        int[] verdicts = new int[2];
        for (Doc doc : docs) {
            JsonNode verdict = ajv.get(doc.key());
            if (verdict == null) {
                disagreements.add(doc.label(root) + ": ajv gave no verdict");
                continue;
            }
            JsonNode parsed = parse(doc.text());
            JsonNode ajvValid = verdict.get("valid");
            if (parsed == null || ajvValid == null || ajvValid.isNull()) {
                if (parsed != null || ajvValid == null || !ajvValid.isNull()) {
                    disagreements.add(doc.label(root) + ": Jackson " + (parsed == null ? "cannot" : "can")
                            + " parse it, ajv's verdict is " + ajvValid + " " + verdict.get("errors"));
                } else {
                    unparseable++;
                }
                continue;
            }
            boolean cliInput = isCliInput(parsed);
            String kind = cliInput ? "cli-input" : "body";
            if (!kind.equals(verdict.path("kind").asString(""))) {
                disagreements.add(doc.label(root) + ": judged as " + kind + " here but as " + verdict.get("kind")
                        + " by verdicts.mjs");
                continue;
            }
            JsonNode body = cliInput ? parsed.get("EventsRequest") : parsed;
            boolean networknt = engine.conforms(body);
            if (!ajvValid.isBoolean()) {
                disagreements.add(doc.label(root) + ": ajv's verdict is " + ajvValid);
                continue;
            }
            if (networknt != ajvValid.booleanValue()) {
                disagreements.add(doc.label(root) + " (" + kind + "): networknt says "
                        + (networknt ? "valid" : "invalid") + ", ajv says " + (ajvValid.booleanValue() ? "valid" : "invalid")
                        + (networknt ? "; ajv: " + ajvErrors(verdict.get("errors"), body)
                                : "; networknt: " + networkntErrors(engine, body)));
            }
            compared.merge(doc.origin(), 1, Integer::sum);
            verdicts[networknt ? 1 : 0]++;
        }

        int total = compared.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "SchemaPortabilityTest: %d documents compared %s (%d valid, %d invalid),"
                + " %d unparseable by both, %d disagreements%n", total, compared, verdicts[1], verdicts[0], unparseable,
                disagreements.size());
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " of " + (total + disagreements.size())
                    + " documents are judged differently by ajv and networknt (known implementation differences"
                    + " are listed in SchemaPortabilityTest.knownDivergences()):\n  "
                    + String.join("\n  ", disagreements));
        }
        assertTrue(total >= MINIMUM_DOCUMENTS, "only " + total + " documents were compared " + compared
                + "; at least " + MINIMUM_DOCUMENTS + " are needed for the comparison to mean anything");
        assertTrue(verdicts[0] >= 10 && verdicts[1] >= 10, "the compared documents should hold both verdicts,"
                + " at least 10 of each; got " + verdicts[1] + " valid and " + verdicts[0] + " invalid");
    }

    @Test
    void knownDivergencesStillDivergeAsDescribed() throws IOException {
        Path root = repoRoot();
        Map<String, JsonNode> ajv = ajvVerdicts(root);
        SchemaEngine engine = new SchemaEngine(RuleCatalogue.get());
        Path dir = tmp.resolve("divergences");
        List<String> changed = new ArrayList<>();
        List<Divergence> divergences = knownDivergences();
        for (Divergence d : divergences) {
            Path file = dir.resolve(d.name() + ".json");
            JsonNode verdict = ajv.get(Doc.key(file.toAbsolutePath().normalize().toString(), 1));
            boolean networknt = engine.conforms(parse(Files.readString(file)));
            boolean ajvValid = verdict != null && verdict.path("valid").isBoolean() && verdict.get("valid").booleanValue();
            if (networknt != d.networknt() || ajvValid != d.ajv()) {
                changed.add(d.name() + ": expected networknt " + d.networknt() + " and ajv " + d.ajv() + ", got "
                        + networknt + " and " + ajvValid + (networknt == ajvValid
                        ? " (they agree now: move it into generatedDocuments())" : "") + " [" + d.why() + "]");
            }
        }
        assertEquals(List.of(), changed, "known divergences changed");
        assertEquals(divergences.size(), divergences.stream().map(Divergence::name).distinct().count());
    }

    // ---------------------------------------------------------------------------------------------------------
    // ajv

    /** Runs verdicts.mjs once, over every document of both tests, and keys its verdicts by file#line. */
    private static synchronized Map<String, JsonNode> ajvVerdicts(Path root) throws IOException {
        if (ajvVerdicts != null) {
            return ajvVerdicts;
        }
        Path script = root.resolve("tools/ajv/verdicts.mjs");
        Path modules = root.resolve("tools/ajv/node_modules");
        if (!Files.isRegularFile(script)) {
            fail(script + " is missing");
        }
        for (String pkg : List.of("ajv", "ajv-formats")) {
            if (!Files.isRegularFile(modules.resolve(pkg).resolve("package.json"))) {
                Assumptions.abort("needs ajv: " + modules.resolve(pkg) + " is missing; " + NPM_HINT);
            }
        }
        String node = System.getProperty("pinpoint.node", "node");

        List<Path> files = new ArrayList<>();
        files.addAll(listFiles(root.resolve("samples")));
        files.addAll(listFiles(root.resolve("validator-core/src/test/resources")));
        files.addAll(listFiles(writeGenerated(tmp.resolve("generated"))));
        files.addAll(listFiles(writeDivergences(tmp.resolve("divergences"))));
        Path list = tmp.resolve("ajv-input.txt");
        Files.write(list, files.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList(),
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("ajv-output.ndjson");
        Path err = tmp.resolve("ajv-stderr.txt");

        Process process;
        try {
            process = new ProcessBuilder(node, script.toString())
                    .directory(root.toFile())
                    .redirectInput(list.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
        } catch (IOException e) {
            return fail("cannot run Node.js (`" + node + "`): " + e.getMessage() + "; " + NPM_HINT, e);
        }
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("verdicts.mjs did not finish within 180 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for verdicts.mjs", e);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            fail("`node tools/ajv/verdicts.mjs` exited with " + process.exitValue() + ": " + stderr
                    + (stderr.contains("Cannot find") || stderr.contains("ERR_MODULE_NOT_FOUND") ? "; " + NPM_HINT : ""));
        }
        Map<String, JsonNode> verdicts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode verdict = Json.MAPPER.readTree(line);
            String key = Doc.key(verdict.get("file").asString(), verdict.get("line").asInt());
            if (verdicts.put(key, verdict) != null) {
                fail("verdicts.mjs judged " + key + " twice");
            }
        }
        for (Path file : files) {
            String name = file.toAbsolutePath().normalize().toString();
            if (name.endsWith(".expected.json") && verdicts.containsKey(Doc.key(name, 1))) {
                fail("verdicts.mjs did not skip " + name);
            }
        }
        ajvVerdicts = verdicts;
        return verdicts;
    }

    // ---------------------------------------------------------------------------------------------------------
    // documents

    private static Path repoRoot() {
        String property = System.getProperty("pinpoint.repo.root");
        Path root = property != null ? Paths.get(property) : Paths.get("").toAbsolutePath().getParent();
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("schemas/events-request.schema.json"))) {
            fail("the repository root " + root + " (system property pinpoint.repo.root) has no schemas/");
        }
        return root;
    }

    private static boolean isLines(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }

    /** The *.json, *.ndjson and *.jsonl files under dir, recursively, sorted; none when dir does not exist. */
    private static List<Path> listFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".json") || isLines(p);
                    })
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        }
    }

    /** The documents of dir, split as verdicts.mjs splits them; *.expected.json files are not documents. */
    private static List<Doc> collect(String origin, Path dir, Path root) throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (Path file : listFiles(dir)) {
            if (file.getFileName().toString().endsWith(".expected.json")) {
                continue;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (isLines(file)) {
                String[] lines = text.split("\r?\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (!lines[i].isBlank()) {
                        docs.add(new Doc(origin, file, i + 1, lines[i]));
                    }
                }
            } else {
                docs.add(new Doc(origin, file, 1, text));
            }
        }
        return docs;
    }

    /**
     * Our parser with no document length limit: the schemas are compared on every file, the sample over the
     * body limit included (the engine refuses it by size and never parses it).
     */
    private static final ObjectMapper UNLIMITED = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(Json.READ_CONSTRAINTS.rebuild().maxDocumentLength(Long.MAX_VALUE).build())
            .build()).build();

    /** The parsed document, or null when Jackson cannot parse it. */
    private static JsonNode parse(String text) {
        String json = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        try {
            JsonNode node = UNLIMITED.readTree(json);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean isCliInput(JsonNode doc) {
        return doc.isObject() && doc.has("EventsRequest");
    }

    /** ajv's errors, each with the value it is about. */
    private static String ajvErrors(JsonNode errors, JsonNode body) {
        if (errors == null || !errors.isArray()) {
            return String.valueOf(errors);
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode e : errors) {
            String pointer = e.path("instancePath").asString("");
            parts.add(pointer + " " + e.path("message").asString("") + " (value " + value(body, pointer) + ")");
        }
        return abbreviate(String.join("; ", parts), 600);
    }

    /** networknt's errors as the engine reports them, each with the value it is about. */
    private static String networkntErrors(SchemaEngine engine, JsonNode body) {
        List<String> parts = new ArrayList<>();
        try {
            engine.validate(body, (rule, pointer, detail) -> parts.add(pointer + " " + detail + " [" + rule.id()
                    + "] (value " + value(body, pointer) + ")"));
        } catch (RuntimeException e) {
            parts.add(e.toString());
        }
        return abbreviate(String.join("; ", parts), 600);
    }

    private static String value(JsonNode body, String pointer) {
        try {
            JsonNode at = body.at(pointer);
            return at.isMissingNode() ? "absent" : abbreviate(Json.MAPPER.writeValueAsString(at), 80);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    // ---------------------------------------------------------------------------------------------------------
    // the generated set: a valid request and single mutations of it

    /** Writes the generated documents into dir (once) and returns dir. */
    private static synchronized Path writeGenerated(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(dir);
        Map<String, String> docs = generatedDocuments();
        for (Map.Entry<String, String> e : docs.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static synchronized Path writeDivergences(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(dir);
        for (Divergence d : knownDivergences()) {
            Files.writeString(dir.resolve(d.name() + ".json"), pretty(d.body()), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static String pretty(JsonNode node) {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** A valid request: one endpoint with every member, one event with every member and a session. */
    static ObjectNode base() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode batch = body.putObject("BatchItem").putObject("endpoint-1");
        ObjectNode endpoint = batch.putObject("Endpoint");
        endpoint.put("Address", "fcm-token-0123456789");
        endpoint.putObject("Attributes").putArray("Interests").add("music").add("sport");
        endpoint.put("ChannelType", "GCM");
        ObjectNode demographic = endpoint.putObject("Demographic");
        demographic.put("AppVersion", "1.2.3");
        demographic.put("Locale", "en_US");
        demographic.put("Make", "samsung");
        demographic.put("Model", "SM-G900F");
        demographic.put("ModelVersion", "9");
        demographic.put("Platform", "ANDROID");
        demographic.put("PlatformVersion", "14");
        demographic.put("Timezone", "America/Los_Angeles");
        endpoint.put("EffectiveDate", VALID_TIMESTAMP);
        endpoint.put("EndpointStatus", "ACTIVE");
        ObjectNode location = endpoint.putObject("Location");
        location.put("City", "Seattle");
        location.put("Country", "US");
        location.put("Latitude", 47.6);
        location.put("Longitude", -122.3);
        location.put("PostalCode", "98101");
        location.put("Region", "WA");
        endpoint.putObject("Metrics").put("score", 1.5);
        endpoint.put("OptOut", "NONE");
        endpoint.put("RequestId", "request-1");
        ObjectNode user = endpoint.putObject("User");
        user.putObject("UserAttributes").putArray("Plan").add("pro");
        user.put("UserId", "user-1");

        ObjectNode event = batch.putObject("Events").putObject("event-1");
        event.put("AppPackageName", "com.example.app");
        event.put("AppTitle", "Example");
        event.put("AppVersionCode", "123");
        event.putObject("Attributes").put("color", "blue");
        event.put("ClientSdkVersion", "2.0.0");
        event.put("EventType", "_session.stop");
        event.putObject("Metrics").put("price", 9.99);
        event.put("SdkName", "aws-sdk-android");
        ObjectNode session = event.putObject("Session");
        session.put("Duration", 60000);
        session.put("Id", "session-1");
        session.put("StartTimestamp", "2019-12-31T23:59:00.000Z");
        session.put("StopTimestamp", VALID_TIMESTAMP);
        event.put("Timestamp", VALID_TIMESTAMP);
        return body;
    }

    private static ObjectNode endpoint(ObjectNode body) {
        return (ObjectNode) body.get("BatchItem").get("endpoint-1").get("Endpoint");
    }

    private static ObjectNode events(ObjectNode body) {
        return (ObjectNode) body.get("BatchItem").get("endpoint-1").get("Events");
    }

    private static ObjectNode event(ObjectNode body) {
        return (ObjectNode) events(body).get("event-1");
    }

    private static ObjectNode session(ObjectNode body) {
        return (ObjectNode) event(body).get("Session");
    }

    private static ObjectNode mutate(Consumer<ObjectNode> change) {
        ObjectNode body = base();
        change.accept(body);
        return body;
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    /** count attributes with distinct keys of keyLength (at least 3) characters and values of valueLength. */
    private static ObjectNode attributes(int count, int keyLength, int valueLength) {
        ObjectNode attributes = Json.MAPPER.createObjectNode();
        for (int i = 0; i < count; i++) {
            String key = "a" + i + "_";
            attributes.put(key + repeat("k", keyLength - key.length()), repeat("v", valueLength));
        }
        return attributes;
    }

    private static ObjectNode metrics(int count) {
        ObjectNode metrics = Json.MAPPER.createObjectNode();
        for (int i = 0; i < count; i++) {
            metrics.put("m" + i, i + 0.5);
        }
        return metrics;
    }

    private static ObjectNode manyEvents(ObjectNode body, String endpointId, int count) {
        ObjectNode events = Json.MAPPER.createObjectNode();
        for (int i = 0; i < count; i++) {
            ObjectNode event = events.putObject("event-" + i);
            event.put("EventType", "custom.event");
            event.put("Timestamp", VALID_TIMESTAMP);
        }
        ObjectNode batch = Json.MAPPER.createObjectNode();
        batch.putObject("Endpoint").put("ChannelType", "CUSTOM");
        batch.set("Events", events);
        ((ObjectNode) body.get("BatchItem")).set(endpointId, batch);
        return body;
    }

    private static ObjectNode cliInput(JsonNode eventsRequest) {
        ObjectNode input = Json.MAPPER.createObjectNode();
        input.put("ApplicationId", "0123456789abcdef0123456789abcdef");
        input.set("EventsRequest", eventsRequest);
        return input;
    }

    private static ObjectNode withTimestamp(String timestamp) {
        return mutate(b -> event(b).put("Timestamp", timestamp));
    }

    /** File name to content. Each name tells the mutation; the expected verdict is whatever networknt says. */
    static Map<String, String> generatedDocuments() {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("base-valid", base());
        m.put("minimal-valid", Json.MAPPER.readTree("{\"BatchItem\":{\"e\":{\"Endpoint\":{},\"Events\":{\"v\":"
                + "{\"EventType\":\"x\",\"Timestamp\":\"" + VALID_TIMESTAMP + "\"}}}}}"));

        // CLI input documents: compared on their EventsRequest member.
        m.put("cli-input-valid", cliInput(base()));
        m.put("cli-input-invalid-events-request", cliInput(mutate(b -> event(b).remove("EventType"))));
        m.put("cli-input-unknown-wrapper-member", cliInput(base()).put("Region", "us-east-1"));
        m.put("cli-input-events-request-null", cliInput(Json.MAPPER.getNodeFactory().nullNode()));
        m.put("cli-input-events-request-array", cliInput(Json.MAPPER.createArrayNode()));

        // Top level.
        m.put("unknown-top-level-member", mutate(b -> b.put("Foo", "bar")));
        m.put("batch-item-missing", Json.MAPPER.createObjectNode());
        m.put("batch-item-empty", mutate(b -> b.putObject("BatchItem")));
        m.put("batch-item-null", mutate(b -> b.putNull("BatchItem")));
        m.put("batch-item-array", mutate(b -> b.putArray("BatchItem")));
        m.put("batch-value-null", mutate(b -> ((ObjectNode) b.get("BatchItem")).putNull("endpoint-1")));
        m.put("body-array", Json.MAPPER.createArrayNode().add(base()));
        m.put("body-string", Json.MAPPER.getNodeFactory().stringNode("BatchItem"));
        m.put("body-null", Json.MAPPER.getNodeFactory().nullNode());
        m.put("endpoint-id-empty", mutate(b -> ((ObjectNode) b.get("BatchItem")).set("",
                ((ObjectNode) b.get("BatchItem")).remove("endpoint-1"))));

        // EventsBatch.
        m.put("endpoint-missing", mutate(b -> ((ObjectNode) b.get("BatchItem").get("endpoint-1")).remove("Endpoint")));
        m.put("events-missing", mutate(b -> ((ObjectNode) b.get("BatchItem").get("endpoint-1")).remove("Events")));
        m.put("events-empty", mutate(b -> events(b).removeAll()));
        m.put("events-null", mutate(b -> ((ObjectNode) b.get("BatchItem").get("endpoint-1")).putNull("Events")));
        m.put("endpoint-empty", mutate(b -> endpoint(b).removeAll()));
        m.put("batch-unknown-member", mutate(b -> ((ObjectNode) b.get("BatchItem").get("endpoint-1")).put("Foo", 1)));
        m.put("events-100-one-endpoint", manyEvents(base(), "endpoint-1", 100));
        m.put("events-101-one-endpoint", manyEvents(base(), "endpoint-1", 101));
        m.put("events-60-and-60-two-endpoints", manyEvents(manyEvents(base(), "endpoint-1", 60), "endpoint-2", 60));

        // PublicEndpoint.
        m.put("channel-type-fcm", mutate(b -> endpoint(b).put("ChannelType", "FCM")));
        m.put("channel-type-lowercase", mutate(b -> endpoint(b).put("ChannelType", "gcm")));
        m.put("channel-type-in-app", mutate(b -> endpoint(b).put("ChannelType", "IN_APP")));
        m.put("channel-type-null", mutate(b -> endpoint(b).putNull("ChannelType")));
        m.put("channel-type-missing", mutate(b -> endpoint(b).remove("ChannelType")));
        m.put("endpoint-unknown-member", mutate(b -> endpoint(b).put("Channel", "GCM")));
        m.put("endpoint-address-number", mutate(b -> endpoint(b).put("Address", 15551234567L)));
        m.put("endpoint-attribute-name-50", mutate(b -> endpoint(b).putObject("Attributes").putArray(repeat("n", 50))
                .add("x")));
        m.put("endpoint-attribute-name-51", mutate(b -> endpoint(b).putObject("Attributes").putArray(repeat("n", 51))
                .add("x")));
        m.put("endpoint-attribute-50-values", mutate(b -> fill(endpoint(b).putObject("Attributes").putArray("a"), 50)));
        m.put("endpoint-attribute-51-values", mutate(b -> fill(endpoint(b).putObject("Attributes").putArray("a"), 51)));
        m.put("endpoint-attribute-value-100", mutate(b -> endpoint(b).putObject("Attributes").putArray("a")
                .add(repeat("v", 100))));
        m.put("endpoint-attribute-value-101", mutate(b -> endpoint(b).putObject("Attributes").putArray("a")
                .add(repeat("v", 101))));
        m.put("endpoint-attribute-not-array", mutate(b -> endpoint(b).putObject("Attributes").put("a", "x")));
        m.put("endpoint-attribute-value-number", mutate(b -> endpoint(b).putObject("Attributes").putArray("a").add(1)));
        m.put("endpoint-metric-string", mutate(b -> endpoint(b).putObject("Metrics").put("score", "1.5")));
        m.put("endpoint-metric-name-51", mutate(b -> endpoint(b).putObject("Metrics").put(repeat("m", 51), 1)));
        m.put("demographic-unknown-member", mutate(b -> ((ObjectNode) endpoint(b).get("Demographic"))
                .put("Language", "en")));
        m.put("location-latitude-string", mutate(b -> ((ObjectNode) endpoint(b).get("Location")).put("Latitude", "47.6")));
        m.put("location-latitude-integer", mutate(b -> ((ObjectNode) endpoint(b).get("Location")).put("Latitude", 47)));
        m.put("user-attribute-name-51", mutate(b -> ((ObjectNode) endpoint(b).get("User")).putObject("UserAttributes")
                .putArray(repeat("u", 51)).add("x")));
        m.put("user-id-null", mutate(b -> ((ObjectNode) endpoint(b).get("User")).putNull("UserId")));

        // Event: EventType.
        m.put("event-type-missing", mutate(b -> event(b).remove("EventType")));
        m.put("event-type-empty", mutate(b -> event(b).put("EventType", "")));
        m.put("event-type-blank", mutate(b -> event(b).put("EventType", "   ")));
        m.put("event-type-tabs-newlines", mutate(b -> event(b).put("EventType", "\t\r\n \f\u000B")));
        m.put("event-type-padded", mutate(b -> event(b).put("EventType", "  custom  ")));
        m.put("event-type-null", mutate(b -> event(b).putNull("EventType")));
        m.put("event-type-number", mutate(b -> event(b).put("EventType", 42)));
        m.put("event-type-non-ascii", mutate(b -> event(b).put("EventType", "achat.réussi.✓")));
        m.put("event-type-1000-chars", mutate(b -> event(b).put("EventType", repeat("e", 1000))));

        // Event: Timestamp (RFC 3339 date-time).
        m.put("timestamp-missing", mutate(b -> event(b).remove("Timestamp")));
        m.put("timestamp-null", mutate(b -> event(b).putNull("Timestamp")));
        m.put("timestamp-epoch-number", mutate(b -> event(b).put("Timestamp", 1577836800000L)));
        m.put("timestamp-epoch-string", withTimestamp("1577836800000"));
        m.put("timestamp-empty", withTimestamp(""));
        m.put("timestamp-date-only", withTimestamp("2020-01-01"));
        m.put("timestamp-no-offset", withTimestamp("2020-01-01T00:00:00"));
        m.put("timestamp-no-seconds", withTimestamp("2020-01-01T00:00Z"));
        m.put("timestamp-basic-format", withTimestamp("20200101T000000Z"));
        m.put("timestamp-lowercase-t", withTimestamp("2020-01-01t00:00:00.000Z"));
        m.put("timestamp-lowercase-z", withTimestamp("2020-01-01T00:00:00.000z"));
        m.put("timestamp-lowercase-t-and-z", withTimestamp("2020-01-01t00:00:00z"));
        m.put("timestamp-offset-plus-05-30", withTimestamp("2020-01-01T05:30:00+05:30"));
        m.put("timestamp-offset-minus-00-00", withTimestamp("2020-01-01T00:00:00-00:00"));
        // Once divergent (ajv-formats' loose offsets and separators, ECMA-262's wider \s); the schema's
        // patterns make both validators agree on them now.
        m.put("timestamp-offset-plus-0000", withTimestamp("2020-01-01T00:00:00+0000"));
        m.put("timestamp-offset-plus-0530", withTimestamp("2020-01-01T05:30:00+0530"));
        m.put("timestamp-offset-plus-00", withTimestamp("2020-01-01T00:00:00+00"));
        m.put("session-start-offset-minus-0800",
                mutate(b -> session(b).put("StartTimestamp", "2019-12-31T15:59:00.000-0800")));
        m.put("timestamp-space-separator", withTimestamp("2020-01-01 00:00:00Z"));
        m.put("event-type-nbsp", mutate(b -> event(b).put("EventType", "\u00A0")));
        m.put("event-type-ideographic-space", mutate(b -> event(b).put("EventType", "\u3000\u2003")));
        m.put("event-type-bom", mutate(b -> event(b).put("EventType", "\uFEFF")));
        m.put("timestamp-offset-plus-23-59", withTimestamp("2020-01-01T00:00:00+23:59"));
        m.put("timestamp-offset-plus-24-00", withTimestamp("2020-01-01T00:00:00+24:00"));
        m.put("timestamp-offset-minutes-60", withTimestamp("2020-01-01T00:00:00+01:60"));
        m.put("timestamp-no-fraction", withTimestamp("2020-01-01T00:00:00Z"));
        m.put("timestamp-fraction-12-digits", withTimestamp("2020-01-01T00:00:00.123456789012Z"));
        m.put("timestamp-fraction-empty", withTimestamp("2020-01-01T00:00:00.Z"));
        m.put("timestamp-fraction-comma", withTimestamp("2020-01-01T00:00:00,5Z"));
        m.put("timestamp-feb-29-leap-year", withTimestamp("2020-02-29T00:00:00Z"));
        m.put("timestamp-feb-29-common-year", withTimestamp("2019-02-29T00:00:00Z"));
        m.put("timestamp-feb-30", withTimestamp("2020-02-30T00:00:00Z"));
        m.put("timestamp-month-13", withTimestamp("2020-13-01T00:00:00Z"));
        m.put("timestamp-hour-24", withTimestamp("2020-01-01T24:00:00Z"));
        m.put("timestamp-minute-60", withTimestamp("2020-01-01T00:60:00Z"));
        m.put("timestamp-year-0000", withTimestamp("0000-01-01T00:00:00Z"));
        m.put("timestamp-one-digit-month", withTimestamp("2020-1-01T00:00:00Z"));
        m.put("timestamp-trailing-space", withTimestamp("2020-01-01T00:00:00Z "));
        m.put("timestamp-leap-second-2016-utc", withTimestamp("2016-12-31T23:59:60Z"));
        m.put("timestamp-leap-second-2016-minus-08", withTimestamp("2016-12-31T15:59:60.5-08:00"));
        m.put("timestamp-second-60-wrong-minute", withTimestamp("2016-12-31T23:58:60Z"));
        m.put("timestamp-second-60-wrong-hour", withTimestamp("2016-12-31T22:59:60Z"));
        m.put("timestamp-second-61", withTimestamp("2016-12-31T23:59:61Z"));

        // Event: attributes and metrics.
        m.put("event-attributes-39", mutate(b -> event(b).set("Attributes", attributes(39, 10, 10))));
        m.put("event-attributes-40", mutate(b -> event(b).set("Attributes", attributes(40, 10, 10))));
        m.put("event-metrics-39", mutate(b -> event(b).set("Metrics", metrics(39))));
        m.put("event-metrics-40", mutate(b -> event(b).set("Metrics", metrics(40))));
        m.put("event-attribute-key-49", mutate(b -> event(b).set("Attributes", attributes(1, 49, 1))));
        m.put("event-attribute-key-50", mutate(b -> event(b).set("Attributes", attributes(1, 50, 1))));
        m.put("event-attribute-key-49-astral", mutate(b -> event(b).putObject("Attributes")
                .put(repeat("\uD83D\uDE00", 49), "x")));
        m.put("event-attribute-key-50-astral", mutate(b -> event(b).putObject("Attributes")
                .put(repeat("\uD83D\uDE00", 50), "x")));
        m.put("event-attribute-value-199", mutate(b -> event(b).set("Attributes", attributes(1, 5, 199))));
        m.put("event-attribute-value-200", mutate(b -> event(b).set("Attributes", attributes(1, 5, 200))));
        m.put("event-attribute-value-199-astral", mutate(b -> event(b).putObject("Attributes")
                .put("k", repeat("\uD83D\uDE00", 199))));
        m.put("event-attribute-value-number", mutate(b -> event(b).putObject("Attributes").put("k", 1)));
        m.put("event-attribute-value-null", mutate(b -> event(b).putObject("Attributes").putNull("k")));
        m.put("event-attribute-value-array", mutate(b -> event(b).putObject("Attributes").putArray("k").add("x")));
        m.put("event-attributes-null", mutate(b -> event(b).putNull("Attributes")));
        m.put("event-metric-key-49", mutate(b -> event(b).putObject("Metrics").put(repeat("m", 49), 1)));
        m.put("event-metric-key-50", mutate(b -> event(b).putObject("Metrics").put(repeat("m", 50), 1)));
        m.put("event-metric-string", mutate(b -> event(b).putObject("Metrics").put("price", "9.99")));
        m.put("event-metric-boolean", mutate(b -> event(b).putObject("Metrics").put("price", true)));
        m.put("event-metric-huge", mutate(b -> event(b).putObject("Metrics").put("price", 1.0e308)));
        m.put("event-unknown-member", mutate(b -> event(b).put("Foo", "bar")));
        m.put("event-null", mutate(b -> events(b).putNull("event-1")));
        m.put("event-id-empty", mutate(b -> events(b).set("", events(b).remove("event-1"))));
        m.put("event-app-title-number", mutate(b -> event(b).put("AppTitle", 1)));

        // Event: Session.
        m.put("session-stop-without-duration", mutate(b -> session(b).remove("Duration")));
        m.put("session-without-stop-or-duration", mutate(b -> session(b).remove(List.of("Duration", "StopTimestamp"))));
        m.put("session-duration-without-stop", mutate(b -> session(b).remove("StopTimestamp")));
        m.put("session-duration-minus-1", mutate(b -> session(b).put("Duration", -1)));
        m.put("session-duration-0", mutate(b -> session(b).put("Duration", 0)));
        m.put("session-duration-2147483647", mutate(b -> session(b).put("Duration", 2147483647L)));
        m.put("session-duration-2147483648", mutate(b -> session(b).put("Duration", 2147483648L)));
        m.put("session-duration-1.5", mutate(b -> session(b).put("Duration", 1.5)));
        m.put("session-duration-60000.0", mutate(b -> session(b).put("Duration", 60000.0)));
        m.put("session-duration-string", mutate(b -> session(b).put("Duration", "60000")));
        m.put("session-duration-null", mutate(b -> session(b).putNull("Duration")));
        m.put("session-id-missing", mutate(b -> session(b).remove("Id")));
        m.put("session-id-empty", mutate(b -> session(b).put("Id", "")));
        m.put("session-start-missing", mutate(b -> session(b).remove("StartTimestamp")));
        m.put("session-start-date-only", mutate(b -> session(b).put("StartTimestamp", "2019-12-31")));
        m.put("session-stop-no-offset", mutate(b -> session(b).put("StopTimestamp", "2020-01-01T00:00:00")));
        m.put("session-unknown-member", mutate(b -> session(b).put("Foo", 1)));
        m.put("session-null", mutate(b -> event(b).putNull("Session")));
        m.put("session-empty", mutate(b -> event(b).putObject("Session")));

        Map<String, String> files = new LinkedHashMap<>();
        m.forEach((name, node) -> files.put(name + ".json", pretty(node)));

        // Raw texts: number spellings JSON.parse and Jackson must both read, an NDJSON file (one verdict a line,
        // blank lines skipped), an unparseable file, and an *.expected.json file that both sides must skip.
        String event = "{\"BatchItem\":{\"e\":{\"Endpoint\":{},\"Events\":{\"v\":{\"EventType\":\"x\",\"Timestamp\":\""
                + VALID_TIMESTAMP + "\",\"Session\":{\"Id\":\"s\",\"StartTimestamp\":\"" + VALID_TIMESTAMP
                + "\",\"Duration\":%s}}}}}}";
        files.put("raw-duration-6e4.json", String.format(Locale.ROOT, event, "6e4"));
        files.put("raw-duration-6.0E4.json", String.format(Locale.ROOT, event, "6.0E4"));
        files.put("raw-duration-minus-0.json", String.format(Locale.ROOT, event, "-0"));
        files.put("raw-duration-2.147483647e9.json", String.format(Locale.ROOT, event, "2.147483647e9"));
        files.put("raw-bom.json", "\uFEFF" + pretty(base()));
        files.put("raw-lines.ndjson", Json.MAPPER.writeValueAsString(base()) + "\n\n"
                + Json.MAPPER.writeValueAsString(mutate(b -> event(b).put("Timestamp", "2020-01-01"))) + "\r\n"
                + "   \n"
                + Json.MAPPER.writeValueAsString(cliInput(mutate(b -> endpoint(b).put("ChannelType", "FCM")))) + "\n"
                + "{\"BatchItem\": \n"
                + Json.MAPPER.writeValueAsString(cliInput(base())) + "\n");
        files.put("raw-unparseable.json", "{\"BatchItem\": {\"e\": {\"Endpoint\": {}, \"Events\": {}},}}");
        files.put("raw-empty.json", "");
        files.put("base-valid.expected.json", "{\"this\": \"is not a request and must be skipped\"}");
        return files;
    }

    private static void fill(ArrayNode array, int count) {
        for (int i = 0; i < count; i++) {
            array.add("value-" + i);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // known divergences, kept out of the compared set

    /**
     * Documents on which networknt (ethlo ITU for date-time, java.util.regex for pattern) and ajv (ajv-formats,
     * ECMA-262 RegExp with the u flag) legitimately disagree. None is a fault of the schemas.
     */
    static List<Divergence> knownDivergences() {
        String leap = "ajv-formats accepts a leap second (:60) at 23:59 UTC on any day; networknt (ethlo ITU)"
                + " accepts one only where a leap second was actually inserted (e.g. 2016-12-31), so a :60 on"
                + " another day is refused";
        return List.of(
                new Divergence("timestamp-leap-second-2020-06-30", leap, withTimestamp("2020-06-30T23:59:60Z"),
                        false, true),
                new Divergence("timestamp-leap-second-2020-01-01", leap, withTimestamp("2020-01-01T23:59:60Z"),
                        false, true));
    }
}
