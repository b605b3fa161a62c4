package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.internal.decision.FastSchema;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.decision.SchemaEngine;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compiled fast check and networknt agree on every document: the repository's samples, golden cases and
 * botocore inputs, the portability test's generated set, and thousands of random mutations of them.
 */
class FastSchemaTest {

    private final FastSchema fast = new FastSchema();
    private final SchemaEngine networknt = new SchemaEngine(RuleCatalogue.get());

    @Test
    void agreesWithNetworkntOnEveryDocumentAndMutation() throws Exception {
        List<JsonNode> documents = documents();
        assertTrue(documents.size() > 300, "found " + documents.size());
        Random random = new Random(20261127);
        List<JsonNode> all = new ArrayList<>(documents);
        for (int i = 0; i < 6000; i++) {
            JsonNode copy = documents.get(random.nextInt(documents.size())).deepCopy();
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                copy = mutate(copy, random);
            }
            all.add(copy);
        }
        int valid = 0;
        List<String> disagreements = new ArrayList<>();
        for (JsonNode doc : all) {
            boolean expected = networknt.conforms(doc);
            valid += expected ? 1 : 0;
            if (fast.conforms(doc) != expected) {
                disagreements.add("networknt " + expected + ": " + abbreviate(doc.toString()));
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(valid > 100 && all.size() - valid > 1000, valid + " valid of " + all.size());
    }

    @Test
    void agreesOnEveryTimestampEdge() {
        for (String timestamp : TIMESTAMPS) {
            for (String member : List.of("Timestamp", "Session")) {
                ObjectNode event = Json.MAPPER.createObjectNode().put("EventType", "x").put("Timestamp",
                        "2025-06-01T12:00:00Z");
                if (member.equals("Timestamp")) {
                    event.put("Timestamp", timestamp);
                } else {
                    event.putObject("Session").put("Id", "s").put("StartTimestamp", timestamp);
                }
                ObjectNode body = Json.MAPPER.createObjectNode();
                ObjectNode batch = body.putObject("BatchItem").putObject("ep");
                batch.putObject("Endpoint");
                batch.putObject("Events").set("e", event);
                assertEquals(networknt.conforms(body), fast.conforms(body), member + " " + timestamp);
            }
        }
    }

    private static List<JsonNode> documents() throws Exception {
        Path root = TestPaths.repoRoot();
        List<Path> files = new ArrayList<>(FixtureValidator.collect(List.of(root.resolve("samples"))));
        try (Stream<Path> walk = Files.walk(root.resolve("validator-core/src/test/resources"))) {
            walk.filter(p -> p.toString().endsWith(".json") && !p.toString().contains(".expected."))
                    .sorted().forEach(files::add);
        }
        List<JsonNode> documents = new ArrayList<>();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
            for (String line : file.toString().endsWith("json") ? List.of(text) : text.lines().toList()) {
                JsonNode doc = parse(line);
                if (doc != null && doc.isObject() && doc.has("EventsRequest") && !doc.has("BatchItem")) {
                    doc = doc.get("EventsRequest");
                }
                if (doc != null && doc.size() < 2000) {
                    documents.add(doc);
                }
            }
        }
        for (Map.Entry<String, String> e : SchemaPortabilityTest.generatedDocuments().entrySet()) {
            JsonNode doc = parse(e.getValue());
            if (doc != null) {
                documents.add(doc.isObject() && doc.has("EventsRequest") && !doc.has("BatchItem")
                        ? doc.get("EventsRequest") : doc);
            }
        }
        return documents;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Replaces, removes or adds one value somewhere in the document. */
    private static JsonNode mutate(JsonNode doc, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(doc, containers);
        if (containers.isEmpty()) {
            return randomValue(random);
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            int action = random.nextInt(4);
            if (names.isEmpty() || action == 0) {
                object.set(randomName(names, random), randomValue(random));
            } else if (action == 1) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                object.set(names.get(random.nextInt(names.size())), randomValue(random));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(randomValue(random));
            } else {
                array.set(random.nextInt(array.size()), randomValue(random));
            }
        }
        return doc;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isObject() || node.isArray()) {
            out.add(node);
            node.values().forEach(child -> collect(child, out));
        }
    }

    private static final String[] NAMES = {"EventType", "Timestamp", "Session", "Duration", "Id", "StartTimestamp",
        "StopTimestamp", "Attributes", "Metrics", "Endpoint", "Events", "ChannelType", "Address", "Location",
        "Latitude", "User", "UserAttributes", "Demographic", "Locale", "BatchItem", "Unknown", "k".repeat(49),
        "k".repeat(50), "\uD83D\uDE00".repeat(25), ""};

    /** Plain UTC timestamps take a shortcut past the date-time parser: its edges. */
    private static final String[] TIMESTAMPS = {"2025-06-01T12:00:00.000Z", "2024-02-29T23:59:59.1Z",
        "2025-02-29T00:00:00Z", "2025-06-31T00:00:00Z", "2025-06-01T24:00:00Z", "2025-06-01T12:60:00Z",
        "2025-06-01T12:00:60Z", "2025-06-01T12:00:00.Z", "2025-06-01T12:00:00.123456789Z",
        "2025-06-01T12:00:00.1234567890Z", "2025-06-01T12:00:00.12345678901234567890Z", "0000-01-01T00:00:00Z",
        "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z", "2025-06-00T00:00:00Z", "1900-02-29T00:00:00Z",
        "2000-02-29T00:00:00Z", "2025-06-01T12:00:00z", "2025-06-01t12:00:00Z", "2025-06-01T12:00:00+00:00",
        "2025-6-01T12:00:00Z", "2025-06-01T12:00:00.1a2Z", "+2025-06-01T12:00:00Z", "2016-12-31T23:59:60Z"};

    private static String randomName(List<String> existing, Random random) {
        return random.nextInt(3) == 0 ? "m" + random.nextInt(60) : NAMES[random.nextInt(NAMES.length)];
    }

    private static JsonNode randomValue(Random random) {
        var f = Json.MAPPER.getNodeFactory();
        return switch (random.nextInt(16)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextInt(5) - 2);
            case 3 -> f.numberNode(random.nextBoolean() ? 1.0 : random.nextBoolean() ? 1.5
                    : random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            case 4 -> random.nextInt(3) == 0 // beyond a long's range, where networknt once threw
                    ? f.numberNode((random.nextBoolean() ? 1 : -1) * Math.pow(10, 19 + random.nextInt(290)))
                    : f.numberNode(2147483647L + random.nextInt(3) - 1);
            case 5 -> f.stringNode("");
            case 6 -> f.stringNode(" \u3000");
            case 7 -> f.stringNode(TIMESTAMPS[random.nextInt(TIMESTAMPS.length)]);
            case 8 -> f.stringNode(random.nextBoolean() ? "2025-06-01T12:00:00+0000" : "2016-12-31T23:59:60Z");
            case 9 -> f.stringNode("x".repeat(95 + random.nextInt(110)));
            case 10 -> f.stringNode("\uD83D\uDE00".repeat(99 + random.nextInt(3)));
            case 11 -> f.stringNode(random.nextBoolean() ? "GCM" : "FCM");
            case 12 -> f.objectNode();
            case 13 -> f.arrayNode().add("v");
            case 14 -> {
                ObjectNode event = f.objectNode().put("EventType", "x").put("Timestamp", "2025-06-01T12:00:00Z");
                yield random.nextBoolean() ? event : f.objectNode().set("e", event);
            }
            default -> f.stringNode("value");
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
