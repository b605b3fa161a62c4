package io.github.pinpointevents.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The invalid corpus of {@link DifferentialReportTest}: {@value #REQUESTS} small requests derived from the golden
 * cases and the samples by seeded mutations that break the rules one or a few at a time (a required member
 * dropped, a wrong JSON type, a bad timestamp, an oversized string or map, session arithmetic that does not add
 * up, too many events, a malformed line, numbers Python prints its own way, ...), written as NDJSON files.
 *
 * <p>It is made here rather than by {@code generate}, whose output may change on purpose, and it is not kept as
 * data: {@link Random}'s sequence for a seed is specified by the JDK, so the same bytes come out on any machine
 * (as long as Jackson writes a tree the same way; the baseline records the corpus's digest to tell). Timestamps
 * the mutations write are far from today, so no warning depends on the day the corpus is judged.
 */
final class MutatedCorpus {

    static final long SEED = 11;
    static final int REQUESTS = 10_000;
    /** The files, each with an equal share of the requests; one .jsonl, as validate reads either. */
    static final List<String> FILES = List.of("corpus-1.ndjson", "corpus-2.ndjson", "corpus-3.jsonl",
            "corpus-4.ndjson");
    /** Small seeds keep the corpus, its reports and the test small (a few MB). */
    private static final int MAX_SEED_BYTES = 6 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NUMBER = "@@number";
    private static final String DUPLICATE = "@@duplicate@@";

    private final Random random = new Random(SEED);
    private final List<ObjectNode> seeds;

    private MutatedCorpus(List<ObjectNode> seeds) {
        this.seeds = seeds;
    }

    /** Writes the corpus into {@code directory} (which must exist) and returns its files, in order. */
    static List<Path> write(Path repoRoot, Path directory) {
        MutatedCorpus corpus = new MutatedCorpus(seeds(repoRoot));
        List<Path> files = new ArrayList<>();
        int perFile = REQUESTS / FILES.size();
        for (String name : FILES) {
            StringBuilder text = new StringBuilder(perFile * 1024);
            for (int i = 0; i < perFile; i++) {
                text.append(corpus.next()).append('\n');
            }
            Path file = directory.resolve(name);
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.add(file);
        }
        return files;
    }

    /** {@code java -cp ... MutatedCorpus REPO DIR}: writes the corpus, for a look at it by hand. */
    public static void main(String[] args) {
        write(Path.of(args[0]), Path.of(args[1]));
    }

    /**
     * Every request body or AWS CLI input document of the golden cases and the samples that parses as a JSON
     * object and is small, in path order (an NDJSON sample gives one seed per line).
     */
    static List<ObjectNode> seeds(Path repoRoot) {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("validator-core/src/test/resources/cases", "samples")) {
            try (Stream<Path> walk = Files.walk(repoRoot.resolve(dir))) {
                walk.filter(Files::isRegularFile).filter(MutatedCorpus::isRequestFile).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.sort((a, b) -> repoRoot.relativize(a).toString().compareTo(repoRoot.relativize(b).toString()));
        List<ObjectNode> seeds = new ArrayList<>();
        for (Path file : files) {
            try {
                if (Files.size(file) > MAX_SEED_BYTES) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                List<String> documents = file.toString().endsWith(".json") ? List.of(text) : text.lines().toList();
                for (String document : documents) {
                    JsonNode node = parse(document);
                    if (node instanceof ObjectNode object && (object.has("BatchItem") || object.has("EventsRequest"))) {
                        seeds.add(object);
                    }
                }
            } catch (IOException e) {
                // Not UTF-8 (a golden case of that rule): no seed.
            }
        }
        return seeds;
    }

    private static boolean isRequestFile(Path file) {
        String name = file.getFileName().toString();
        return !name.contains(".expected.") && !name.equals("expected.json")
                && (name.endsWith(".json") || name.endsWith(".ndjson"));
    }

    private static JsonNode parse(String document) {
        try {
            return JSON.readTree(document);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The next request, one line of NDJSON. */
    String next() {
        ObjectNode root = seeds.get(random.nextInt(seeds.size())).deepCopy();
        List<String> numbers = new ArrayList<>();
        boolean duplicate = false;
        boolean truncate = false;
        int mutations = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(16)) {
                case 0 -> dropRequired(root);
                case 1, 2 -> wrongType(root);
                case 3 -> badTimestamp(root);
                case 4 -> oversizeString(root);
                case 5 -> oversizeMap(root);
                case 6 -> session(root);
                case 7 -> tooMany(root);
                case 8 -> truncate = true;
                case 9 -> numbers.add(number(root, numbers.size()));
                case 10 -> unknownMember(root);
                case 11 -> endpointValues(root);
                case 12 -> ids(root);
                case 13 -> structure(root);
                case 14 -> duplicate |= duplicate(root);
                default -> wrap(root);
            }
        }
        String line = JSON.writeValueAsString(root);
        for (int i = 0; i < numbers.size(); i++) {
            line = line.replace("\"" + NUMBER + i + "\"", numbers.get(i));
        }
        if (duplicate) {
            line = line.replaceFirst("\"" + DUPLICATE + "\"", "\"EventType\"");
        }
        if (truncate) {
            line = malformed(line);
        }
        return line;
    }

    // --- where the mutations apply ---

    private ObjectNode body(ObjectNode root) {
        JsonNode body = root.has("EventsRequest") ? root.get("EventsRequest") : root;
        return body instanceof ObjectNode object ? object : null;
    }

    private List<ObjectNode> items(ObjectNode root) {
        List<ObjectNode> items = new ArrayList<>();
        ObjectNode body = body(root);
        if (body != null && body.get("BatchItem") instanceof ObjectNode batch) {
            for (Map.Entry<String, JsonNode> e : batch.properties()) {
                if (e.getValue() instanceof ObjectNode item) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    private List<ObjectNode> events(ObjectNode root) {
        List<ObjectNode> events = new ArrayList<>();
        for (ObjectNode item : items(root)) {
            if (item.get("Events") instanceof ObjectNode map) {
                for (Map.Entry<String, JsonNode> e : map.properties()) {
                    if (e.getValue() instanceof ObjectNode event) {
                        events.add(event);
                    }
                }
            }
        }
        return events;
    }

    private ObjectNode endpoint(ObjectNode root) {
        List<ObjectNode> items = items(root);
        if (items.isEmpty()) {
            return null;
        }
        ObjectNode item = pick(items);
        return item.get("Endpoint") instanceof ObjectNode endpoint ? endpoint : item.putObject("Endpoint");
    }

    private ObjectNode event(ObjectNode root) {
        List<ObjectNode> events = events(root);
        return events.isEmpty() ? null : pick(events);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode o ? o : parent.putObject(name);
    }

    // --- the mutations ---

    private void dropRequired(ObjectNode root) {
        ObjectNode event = event(root);
        switch (random.nextInt(6)) {
            case 0 -> remove(event, "EventType");
            case 1 -> remove(event, "Timestamp");
            case 2 -> remove(event != null && event.get("Session") instanceof ObjectNode session ? session : null,
                    pick("Id", "StartTimestamp", "Duration"));
            case 3 -> {
                List<ObjectNode> items = items(root);
                if (!items.isEmpty()) {
                    pick(items).remove(pick("Endpoint", "Events"));
                }
            }
            case 4 -> remove(body(root), "BatchItem");
            default -> root.remove(pick("ApplicationId", "EventsRequest"));
        }
    }

    private static void remove(ObjectNode node, String member) {
        if (node != null) {
            node.remove(member);
        }
    }

    /** Replaces one value anywhere in the tree by a value of another JSON type. */
    private void wrongType(ObjectNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        JsonNode container = pick(containers);
        JsonNode replacement = switch (random.nextInt(9)) {
            case 0 -> NODES.numberNode(42);
            case 1 -> NODES.numberNode(-1.5);
            case 2 -> NODES.stringNode("x");
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.arrayNode();
            case 6 -> NODES.objectNode();
            case 7 -> NODES.arrayNode().add(1).add("a");
            default -> NODES.objectNode().put("a", 1);
        };
        if (container instanceof ObjectNode object) {
            if (object.isEmpty()) {
                object.set("Attributes", replacement);
            } else {
                List<String> names = new ArrayList<>(object.propertyNames());
                object.set(pick(names), replacement);
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty()) {
                array.add(replacement);
            } else {
                array.set(random.nextInt(array.size()), replacement);
            }
        }
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainer()) {
            into.add(node);
            for (JsonNode child : node.values()) {
                collectContainers(child, into);
            }
        }
    }

    private void badTimestamp(ObjectNode root) {
        String value = pick("2024-02-30T00:00:00Z", "2024-01-01 00:00:00", "2024-01-01T00:00:00+02:00",
                "1700000000", "", " ", "2099-01-01T00:00:00Z", "2024-01-01T25:00:00Z", "20240101T000000Z",
                "2024-01-01T00:00:00.123456789Z", "2024-01-01", "2024-01-01T00:00:00", "2024-W01-1T00:00:00Z",
                "1999-12-31T23:59:60Z", "2024-01-01t00:00:00z");
        ObjectNode event = event(root);
        switch (random.nextInt(4)) {
            case 0, 1 -> {
                if (event != null) {
                    event.put("Timestamp", value);
                }
            }
            case 2 -> {
                if (event != null) {
                    object(event, "Session").put(pick("StartTimestamp", "StopTimestamp"), value);
                }
            }
            default -> {
                ObjectNode endpoint = endpoint(root);
                if (endpoint != null) {
                    endpoint.put("EffectiveDate", value);
                }
            }
        }
    }

    private String text(int length) {
        String unit = pick("a", "é", "\uD83D\uDE00", "中");
        return unit.repeat(length);
    }

    private void oversizeString(ObjectNode root) {
        int length = List.of(49, 50, 51, 99, 100, 101, 199, 200, 201, 1000).get(random.nextInt(10));
        ObjectNode event = event(root);
        ObjectNode endpoint = endpoint(root);
        switch (random.nextInt(7)) {
            case 0 -> {
                if (event != null) {
                    object(event, "Attributes").put(text(length), "v");
                }
            }
            case 1 -> {
                if (event != null) {
                    object(event, "Attributes").put("k", text(length));
                }
            }
            case 2 -> {
                if (event != null) {
                    object(event, "Metrics").put(text(length), 1);
                }
            }
            case 3 -> {
                if (event != null) {
                    event.put("EventType", text(length));
                }
            }
            case 4 -> {
                if (endpoint != null) {
                    object(endpoint, "Attributes").putArray(text(length)).add("v");
                }
            }
            case 5 -> {
                if (endpoint != null) {
                    object(endpoint, "Attributes").putArray("k").add(text(length));
                }
            }
            default -> {
                if (endpoint != null) {
                    object(object(endpoint, "User"), "UserAttributes").putArray(text(length)).add(text(length));
                }
            }
        }
    }

    private void oversizeMap(ObjectNode root) {
        int count = List.of(39, 40, 41, 50, 51, 100, 101).get(random.nextInt(7));
        ObjectNode event = event(root);
        ObjectNode endpoint = endpoint(root);
        switch (random.nextInt(4)) {
            case 0 -> {
                if (event != null) {
                    ObjectNode attributes = object(event, "Attributes");
                    for (int i = 0; i < count; i++) {
                        attributes.put("a" + i, "v" + i);
                    }
                }
            }
            case 1 -> {
                if (event != null) {
                    ObjectNode metrics = object(event, "Metrics");
                    for (int i = 0; i < count; i++) {
                        metrics.put("m" + i, i);
                    }
                }
            }
            case 2 -> {
                if (endpoint != null) {
                    ObjectNode attributes = object(endpoint, "Attributes");
                    for (int i = 0; i < count; i++) {
                        attributes.putArray("a" + i).add("v");
                    }
                }
            }
            default -> {
                if (endpoint != null) {
                    ArrayNode values = object(endpoint, "Attributes").putArray("many");
                    for (int i = 0; i < count; i++) {
                        values.add("v" + i);
                    }
                }
            }
        }
    }

    private void session(ObjectNode root) {
        ObjectNode event = event(root);
        if (event == null) {
            return;
        }
        ObjectNode session = object(event, "Session");
        session.put("Id", pick("s-1", "", "9f4b7d0e-20250314-181502117"));
        session.put("StartTimestamp", "2024-01-01T00:00:00.000Z");
        switch (random.nextInt(7)) {
            case 0 -> {
                session.put("StopTimestamp", "2024-01-01T00:00:10.000Z");
                session.put("Duration", 9999);
            }
            case 1 -> session.put("Duration", -5);
            case 2 -> session.put("Duration", 12.5);
            case 3 -> session.put("Duration", 3_000_000_000L);
            case 4 -> session.put("StopTimestamp", "2024-01-01T00:00:10.000Z");
            case 5 -> {
                session.put("StopTimestamp", "2023-12-31T23:59:59.000Z");
                session.put("Duration", -1000);
            }
            default -> {
                session.put("StopTimestamp", "2024-01-01T00:00:10.000Z");
                session.put("Duration", 10000);
                event.put("EventType", pick("_session.stop", "_session.start", "_session.pause"));
            }
        }
    }

    /** 100 or 101 events in a request, on one endpoint or on as many endpoints (the limit is per request). */
    private void tooMany(ObjectNode root) {
        int count = 100 + random.nextInt(2);
        List<ObjectNode> items = items(root);
        if (items.isEmpty()) {
            return;
        }
        JsonNode event = NODES.objectNode().put("EventType", "e").put("Timestamp", "2024-01-01T00:00:00Z");
        if (random.nextBoolean()) {
            ObjectNode events = pick(items).putObject("Events");
            for (int i = 0; i < count; i++) {
                events.set("e" + i, event.deepCopy());
            }
        } else {
            ObjectNode batch = (ObjectNode) body(root).get("BatchItem");
            batch.removeAll();
            for (int i = 0; i < count; i++) {
                ObjectNode item = batch.putObject("ep" + i);
                item.putObject("Endpoint");
                item.putObject("Events").set("e", event.deepCopy());
            }
        }
    }

    /**
     * A place for a number token the tree cannot hold (NaN) or that Jackson would write its own way. A Duration
     * gets no fraction beyond a long's range: that stops validate with an internal error, in the baseline and
     * today (networknt's integer check calls {@code asLong()} on the double), which would end the whole run.
     */
    private String number(ObjectNode root, int index) {
        ObjectNode event = event(root);
        int where = random.nextInt(3);
        String token = pick("NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1E-400", "12345678901234567890",
                "0.1", "1.0", "-0", "-0.0", where == 2 ? "9e15" : "1.5e300", "1e16", "123456789.123456789",
                "5e-324", "0.30000000000000004");
        if (event == null) {
            return token;
        }
        switch (where) {
            case 0 -> object(event, "Metrics").put("n" + index, NUMBER + index);
            case 1 -> object(event, "Attributes").put("n" + index, NUMBER + index);
            default -> object(event, "Session").put("Duration", NUMBER + index);
        }
        return token;
    }

    private void unknownMember(ObjectNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        List<ObjectNode> objects = containers.stream().filter(ObjectNode.class::isInstance)
                .map(ObjectNode.class::cast).toList();
        pick(objects).put(pick("Foo", "eventType", "timestamp", "Endpoints", "SessionId"), 1);
    }

    private void endpointValues(ObjectNode root) {
        ObjectNode endpoint = endpoint(root);
        if (endpoint == null) {
            return;
        }
        switch (random.nextInt(9)) {
            case 0 -> endpoint.put("ChannelType", pick("SMS2", "gcm", "PUSH", ""));
            case 1 -> endpoint.put("Address", "a@example.com").remove("ChannelType");
            case 2 -> endpoint.put("OptOut", pick("MAYBE", "none", "ALL"));
            case 3 -> object(endpoint, "Location").put("Latitude", 91.5).put("Longitude", -181);
            case 4 -> object(endpoint, "Location").put("Country", pick("GB", "gbr", "XXX", "United Kingdom"));
            case 5 -> object(endpoint, "Demographic").put("Locale", pick("english", "en-GB", "en_GB", "xx_YY"));
            case 6 -> object(endpoint, "Demographic").put("Timezone", pick("Mars/Base", "UTC+1", "GMT"));
            case 7 -> object(endpoint, "User").put("UserId", pick("", "u1"));
            default -> object(endpoint, "Attributes").putArray(pick("bad name!", "ok_name", "$x"))
                    .add(pick("v", ""));
        }
    }

    private void ids(ObjectNode root) {
        ObjectNode body = body(root);
        if (body == null || !(body.get("BatchItem") instanceof ObjectNode batch)) {
            return;
        }
        String id = pick("", " ", "x".repeat(300), "id with spaces", "é");
        if (random.nextBoolean() || batch.isEmpty()) {
            batch.set(id, NODES.objectNode().set("Endpoint", NODES.objectNode()));
        } else {
            ObjectNode item = pick(items(root).isEmpty() ? List.of(batch) : items(root));
            object(item, "Events").set(id, NODES.objectNode().put("EventType", pick("e", " ", "", "_monetization"
                    + ".purchase")).put("Timestamp", "2024-01-01T00:00:00Z"));
        }
    }

    private void structure(ObjectNode root) {
        ObjectNode body = body(root);
        if (body == null) {
            return;
        }
        switch (random.nextInt(5)) {
            case 0 -> body.putArray("BatchItem");
            case 1 -> body.putObject("BatchItem");
            case 2 -> {
                List<ObjectNode> items = items(root);
                if (!items.isEmpty()) {
                    pick(items).putArray("Events");
                }
            }
            case 3 -> body.putNull("BatchItem");
            default -> {
                if (root.has("EventsRequest")) {
                    root.put("EventsRequest", "{}");
                } else {
                    root.removeAll();
                }
            }
        }
    }

    private boolean duplicate(ObjectNode root) {
        ObjectNode event = event(root);
        if (event == null) {
            return false;
        }
        event.put(DUPLICATE, "again");
        return true;
    }

    /** An AWS CLI input document becomes a bare body, or a bare body an input document (of any application id). */
    private void wrap(ObjectNode root) {
        if (root.has("EventsRequest")) {
            JsonNode body = root.get("EventsRequest");
            root.removeAll();
            if (body instanceof ObjectNode object) {
                root.setAll(object);
            }
        } else {
            ObjectNode body = root.deepCopy();
            root.removeAll();
            root.set("ApplicationId", switch (random.nextInt(4)) {
                case 0 -> NODES.stringNode("");
                case 1 -> NODES.numberNode(7);
                default -> NODES.stringNode("app-" + random.nextInt(100));
            });
            root.set("EventsRequest", body);
        }
    }

    /** The line cut short, or one of its characters replaced by JSON punctuation. */
    private String malformed(String line) {
        int at = 1 + random.nextInt(Math.max(1, line.length() - 1));
        if (at < line.length() && Character.isLowSurrogate(line.charAt(at))) {
            at--; // a cut between the halves of a pair could not be written as UTF-8
        }
        return switch (random.nextInt(3)) {
            case 0 -> line.substring(0, at);
            case 1 -> line.substring(0, at) + pick("}", "]", ",", ":", "\"", "\\", "{") + line.substring(at);
            default -> line + pick("}", " x", ",{}", "\t");
        };
    }
}
