package io.github.pinpointevents.core.internal.decision;

import io.github.pinpointevents.core.internal.Shape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The numbers of the integer members (Session.Duration) in a form networknt can compare with the schema's
 * bounds. networknt 3's {@code minimum} and {@code maximum} of an integer schema read a floating-point
 * instance with {@code JsonNode.asLong()}, which Jackson 3 refuses with an exception beyond the range of a
 * long (1e19, -1e19, 1e308). Such a number reaches networknt as the BigInteger of its value, which networknt
 * compares exactly; every double that large is whole, so the value is the same. (A BigDecimal with a
 * fraction loses it, but it lies beyond the 32-bit range either way, so the bound still refuses it.) The
 * events request finds its integer members in the service model's shapes; the event-stream record, which has
 * no shape model, by its schema's {@code properties} ({@link #integerPaths}).
 */
public final class IntegerMembers {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private IntegerMembers() {
    }

    /** The body with each such number made a BigInteger; the same instance when it has none. */
    public static JsonNode exact(JsonNode body, Shape shape) {
        if (!convert(body, shape, false)) {
            return body;
        }
        JsonNode copy = body.deepCopy();
        convert(copy, shape, true);
        return copy;
    }

    /**
     * The member names leading to each integer-typed member of a schema's nested objects (through
     * {@code properties} and local {@code $ref}s only: the record schema has no maps or lists of integers).
     */
    public static List<List<String>> integerPaths(JsonNode document) {
        List<List<String>> paths = new ArrayList<>();
        collect(document, document, new ArrayList<>(), paths);
        return List.copyOf(paths);
    }

    private static void collect(JsonNode document, JsonNode schema, List<String> path, List<List<String>> out) {
        String ref = schema.path("$ref").asString("");
        JsonNode resolved = ref.startsWith("#") ? document.at(ref.substring(1)) : schema;
        if (resolved.path("type").asString("").equals("integer")) {
            out.add(List.copyOf(path));
        }
        if (path.size() < 16) { // our schemas nest 3 deep; the bound only keeps a cyclic $ref from recursing forever
            for (Entry<String, JsonNode> p : resolved.path("properties").properties()) {
                path.add(p.getKey());
                collect(document, p.getValue(), path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    /** The record with each such number at one of {@code paths} made a BigInteger; the same instance when none. */
    public static JsonNode exactAt(JsonNode record, List<List<String>> paths) {
        if (!convertAt(record, paths, false)) {
            return record;
        }
        JsonNode copy = record.deepCopy();
        convertAt(copy, paths, true);
        return copy;
    }

    private static boolean convertAt(JsonNode record, List<List<String>> paths, boolean apply) {
        boolean found = false;
        for (List<String> path : paths) {
            JsonNode parent = record;
            for (int i = 0; i < path.size() - 1 && parent != null; i++) {
                parent = parent.get(path.get(i));
            }
            String name = path.get(path.size() - 1);
            JsonNode value = parent == null || !parent.isObject() ? null : parent.get(name);
            if (value != null && beyondLong(value)) {
                found = true;
                if (!apply) {
                    return true;
                }
                ((ObjectNode) parent).set(name,
                        JsonNodeFactory.instance.numberNode(value.decimalValue().toBigInteger()));
            }
        }
        return found;
    }

    /** True for a finite floating-point number that {@code asLong()} cannot hold. */
    public static boolean beyondLong(JsonNode node) {
        if (!node.isFloatingPointNumber()) {
            return false;
        }
        if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            return value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0;
        }
        double value = node.doubleValue(); // 2^63 is a double; Long.MAX_VALUE as a double rounds up to it
        return Double.isFinite(value) && (value < Long.MIN_VALUE || value >= 0x1p63);
    }

    /** Whether the node holds such a number at an integer member; with {@code apply}, replaces each. */
    private static boolean convert(JsonNode node, Shape shape, boolean apply) {
        boolean found = false;
        if (shape instanceof Shape.Structure s && node.isObject()) {
            List<String> beyond = new ArrayList<>();
            for (Entry<String, JsonNode> p : node.properties()) {
                Shape member = s.members().get(p.getKey());
                if (member == Shape.Scalar.INTEGER && beyondLong(p.getValue())) {
                    beyond.add(p.getKey());
                } else if (member != null) {
                    found |= convert(p.getValue(), member, apply);
                }
                if ((found || !beyond.isEmpty()) && !apply) {
                    return true;
                }
            }
            if (apply) {
                for (String name : beyond) {
                    ((ObjectNode) node).set(name, JsonNodeFactory.instance.numberNode(
                            node.get(name).decimalValue().toBigInteger()));
                }
            }
            found |= !beyond.isEmpty();
        } else if (shape instanceof Shape.MapShape m && node.isObject()) {
            for (JsonNode value : node.values()) {
                found |= convert(value, m.value(), apply);
                if (found && !apply) {
                    return true;
                }
            }
        } else if (shape instanceof Shape.ListShape l && node.isArray()) {
            for (JsonNode item : node.values()) {
                found |= convert(item, l.member(), apply);
                if (found && !apply) {
                    return true;
                }
            }
        }
        return found;
    }
}
