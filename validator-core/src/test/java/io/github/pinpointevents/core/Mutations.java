package io.github.pinpointevents.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.github.pinpointevents.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies for fuzz, property and concurrency tests: the samples and golden cases, and mutations of
 * them that keep most of their shape, so the rules (not only the parser) see odd input. Choices come from
 * a {@link Choices}: a seeded {@link Random} for repeatable property tests, or Jazzer's data provider.
 */
final class Mutations {

    /** Where a mutation's choices come from. */
    interface Choices {
        /** A number in [0, n). */
        int below(int n);

        long anyLong();

        String string(int maxLength);

        static Choices of(Random random) {
            return new Choices() {
                @Override
                public int below(int n) {
                    return random.nextInt(n);
                }

                @Override
                public long anyLong() {
                    return random.nextLong();
                }

                @Override
                public String string(int maxLength) {
                    int length = random.nextInt(maxLength + 1);
                    StringBuilder b = new StringBuilder(length);
                    for (int i = 0; i < length; i++) {
                        b.append(switch (random.nextInt(6)) {
                            case 0 -> (char) random.nextInt(0x20);            // control characters
                            case 1 -> (char) (0x80 + random.nextInt(0x780));  // Latin, Greek, ...
                            case 2 -> ODD.charAt(random.nextInt(ODD.length()));
                            default -> (char) (0x20 + random.nextInt(0x5f));   // printable ASCII
                        });
                    }
                    return b.toString();
                }
            };
        }

        static Choices of(FuzzedDataProvider data) {
            return new Choices() {
                @Override
                public int below(int n) {
                    return data.consumeInt(0, n - 1);
                }

                @Override
                public long anyLong() {
                    return data.consumeLong();
                }

                @Override
                public String string(int maxLength) {
                    return data.consumeString(maxLength);
                }
            };
        }
    }

    /** A surrogate pair's halves, a byte order mark, a line separator, and JSON's escape characters. */
    private static final String ODD = "\uD83D\uDE00\uFEFF\u2028\\\"/ ";

    /** Member names of the model, so that added members are often meaningful. */
    private static final String[] NAMES = {"BatchItem", "Endpoint", "Events", "EventType", "Timestamp", "Attributes",
        "Metrics", "Session", "Id", "StartTimestamp", "StopTimestamp", "Duration", "ChannelType", "Address",
        "Demographic", "Location", "Latitude", "Longitude", "User", "UserId", "UserAttributes", "OptOut",
        "EffectiveDate", "Locale", "Timezone", "Country", "AppPackageName", "ClientSdkVersion", "RequestId"};
    private static final String[] STRINGS = {"", " ", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.123+05:30",
        "2024-13-45T99:99:99Z", "yesterday", "APNS", "GCM", "EMAIL", "push", "_session.start", "_session.stop",
        "en_US", "America/Los_Angeles", "USA", "ALL", "NONE", "x".repeat(51), "y".repeat(201), "\u0000",
        "\uD800"};

    private static List<JsonNode> seeds;

    private Mutations() {
    }

    /** Every request of the samples and golden cases that parses: bare bodies, and the bodies of CLI input. */
    static synchronized List<JsonNode> seeds() {
        if (seeds == null) {
            List<JsonNode> found = new ArrayList<>();
            Path root = TestPaths.repoRoot();
            for (Path dir : List.of(root.resolve("samples"), root.resolve("validator-core/src/test/resources/cases"))) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = f.getFileName().toString();
                        if (name.contains(".expected.") || name.equals("expected.json") || Files.size(f) > 1_000_000) {
                            continue;
                        }
                        List<String> docs = name.endsWith(".ndjson") ? Files.readAllLines(f)
                                : List.of(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8));
                        for (String doc : docs) {
                            try {
                                JsonNode node = Json.MAPPER.readTree(doc);
                                if (node != null && node.isObject()) {
                                    found.add(node.has("EventsRequest") ? node.get("EventsRequest") : node);
                                }
                            } catch (JacksonException e) {
                                // an unparsable fixture is no seed for tree mutations
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            seeds = List.copyOf(found);
        }
        return seeds;
    }

    /** A copy of one seed with {@code count} mutations. */
    static JsonNode mutated(Choices c, int count) {
        List<JsonNode> all = seeds();
        JsonNode copy = all.get(c.below(all.size())).deepCopy();
        for (int i = 0; i < count; i++) {
            copy = mutate(copy, c);
        }
        return copy;
    }

    /** The mutated body's bytes; sometimes damaged at byte level too (truncated, a byte changed). */
    static byte[] mutatedBytes(Choices c) {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(mutated(c, 1 + c.below(4)));
        switch (c.below(8)) {
            case 0 -> bytes = java.util.Arrays.copyOf(bytes, c.below(bytes.length + 1));
            case 1 -> {
                if (bytes.length > 0) {
                    bytes[c.below(bytes.length)] = (byte) c.below(256);
                }
            }
            default -> {
            }
        }
        return bytes;
    }

    private static JsonNode mutate(JsonNode root, Choices c) {
        // Walk down to a random container, then change one of its members or elements.
        JsonNode at = root;
        for (int depth = 0; depth < 8; depth++) {
            List<JsonNode> children = new ArrayList<>();
            at.values().forEach(v -> {
                if (v.isContainer()) {
                    children.add(v);
                }
            });
            if (children.isEmpty() || c.below(4) == 0) {
                break;
            }
            at = children.get(c.below(children.size()));
        }
        if (at instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.isEmpty() || c.below(3) == 0 ? newName(c) : names.get(c.below(names.size()));
            switch (c.below(4)) {
                case 0 -> object.remove(name);
                case 1 -> {
                    JsonNode value = object.remove(name);
                    object.set(newName(c), value == null ? value(c, root) : value); // renamed, moved to the end
                }
                default -> object.set(name, value(c, root));
            }
        } else if (at instanceof ArrayNode array) {
            if (!array.isEmpty() && c.below(2) == 0) {
                array.remove(c.below(array.size()));
            } else {
                array.add(value(c, root));
            }
        }
        return root;
    }

    private static String newName(Choices c) {
        return c.below(2) == 0 ? NAMES[c.below(NAMES.length)] : c.string(c.below(4) == 0 ? 80 : 12);
    }

    private static JsonNode value(Choices c, JsonNode root) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (c.below(13)) {
            // A whole double beyond a long's range (1e19 .. 1e308, either sign): networknt once threw on it.
            case 12 -> f.numberNode((c.below(2) == 0 ? 1 : -1) * Math.pow(10, 19 + c.below(290)));
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(c.below(2) == 0);
            case 2 -> f.numberNode(c.anyLong() % 100_000);
            case 3 -> f.numberNode(Double.longBitsToDouble(c.anyLong()) % 1e6 / 7);
            case 4 -> f.numberNode(new BigInteger("9".repeat(1 + c.below(400))).negate().pow(1 + c.below(2)));
            case 5 -> f.objectNode();
            case 6 -> f.arrayNode().add(f.stringNode(c.string(20)));
            case 7 -> { // an endpoint from elsewhere, so structure (not only scalars) lands in odd places
                List<JsonNode> endpoints = new ArrayList<>();
                root.path("BatchItem").values().forEach(endpoints::add);
                yield endpoints.isEmpty() ? f.objectNode() : endpoints.get(c.below(endpoints.size())).deepCopy();
            }
            case 8, 9 -> f.stringNode(STRINGS[c.below(STRINGS.length)]);
            default -> f.stringNode(c.string(c.below(5) == 0 ? 300 : 30));
        };
    }
}
