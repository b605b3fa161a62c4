package io.github.pinpointevents.core.internal.decision;

import io.github.pinpointevents.core.internal.Timestamps;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.ShapeModel;

import com.networknt.schema.format.DateTimeFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A yes/no check compiled from our schema, for the common case: most bodies conform, and then networknt's
 * full evaluation (which also builds error objects) is not needed. It understands exactly the keywords our
 * schemas use and refuses to compile anything else, so a schema change cannot slip past it; a differential
 * test holds its verdicts equal to networknt's.
 */
public final class FastSchema {

    /** Keywords that only annotate. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "title", "description");

    /**
     * networknt's date-time format, for the timestamps that are not plain UTC. Held apart so that it is made
     * on first use: making it starts SLF4J (a ServiceLoader scan), and the SDKs' bodies carry plain UTC only.
     */
    private static final class DateTime {
        static final DateTimeFormat FORMAT = new DateTimeFormat();
    }

    private final Check root;
    private final Map<String, Check> compiled = new HashMap<>();

    public FastSchema() {
        root = compile(ShapeModel.get().document(ShapeModel.EVENTS_REQUEST), ShapeModel.EVENTS_REQUEST);
    }

    /** True exactly when networknt finds no error in the body. */
    public boolean conforms(JsonNode body) {
        return root.test(body);
    }

    @FunctionalInterface
    private interface Check {
        boolean test(JsonNode node);
    }

    private Check compile(JsonNode schema, String doc) {
        List<Check> checks = new ArrayList<>();
        ObjectCheck object = null;
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            String keyword = e.getKey();
            JsonNode value = e.getValue();
            switch (keyword) {
                case "$ref" -> checks.add(reference(value.stringValue(), doc));
                case "type" -> checks.add(type(value.stringValue()));
                case "enum" -> {
                    List<JsonNode> values = new ArrayList<>();
                    value.forEach(values::add);
                    checks.add(node -> values.contains(node));
                }
                case "maxLength" -> {
                    int max = value.intValue();
                    // No string has more code points than chars: most need no count.
                    checks.add(node -> !node.isString() || node.stringValue().length() <= max
                            || length(node.stringValue()) <= max);
                }
                case "minLength" -> {
                    int min = value.intValue();
                    checks.add(node -> !node.isString() || length(node.stringValue()) >= min);
                }
                case "pattern" -> {
                    Pattern pattern = Pattern.compile(value.stringValue());
                    // The date-time fields' pattern accepts every plain UTC timestamp; skip the regex for those.
                    boolean dateTime = schema.path("format").asString("").equals("date-time");
                    checks.add(node -> !node.isString() || dateTime && Timestamps.isPlainUtc(node.stringValue())
                            || pattern.matcher(node.stringValue()).find());
                }
                case "format" -> {
                    if (!value.stringValue().equals("date-time")) {
                        throw new IllegalStateException("no fast check for format " + value);
                    }
                    checks.add(node -> !node.isString() || Timestamps.isPlainUtc(node.stringValue())
                            || DateTime.FORMAT.matches(null, node.stringValue()));
                }
                case "minimum" -> {
                    BigDecimal min = value.decimalValue();
                    checks.add(node -> !node.isNumber() || !isFinite(node) || compare(node, min) >= 0);
                }
                case "maximum" -> {
                    BigDecimal max = value.decimalValue();
                    checks.add(node -> !node.isNumber() || !isFinite(node) || compare(node, max) <= 0);
                }
                case "maxItems" -> {
                    int max = value.intValue();
                    checks.add(node -> !node.isArray() || node.size() <= max);
                }
                case "items" -> {
                    Check item = compile(value, doc);
                    checks.add(node -> {
                        if (node.isArray()) {
                            for (JsonNode i : node.values()) {
                                if (!item.test(i)) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    });
                }
                case "properties", "required", "additionalProperties", "propertyNames", "maxProperties",
                        "minProperties", "dependentRequired" -> {
                    if (object == null) {
                        object = new ObjectCheck();
                        checks.add(object);
                    }
                    object.add(keyword, value, doc);
                }
                default -> {
                    if (!ANNOTATIONS.contains(keyword)) {
                        throw new IllegalStateException("no fast check for keyword " + keyword);
                    }
                }
            }
        }
        Check[] all = checks.toArray(Check[]::new);
        return node -> {
            for (Check c : all) {
                if (!c.test(node)) {
                    return false;
                }
            }
            return true;
        };
    }

    private Check reference(String ref, String doc) {
        int hash = ref.indexOf('#');
        String targetDoc = hash == 0 ? doc : hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        String key = targetDoc + "#" + fragment;
        Check known = compiled.get(key);
        if (known != null) {
            return known;
        }
        // Compile lazily so a reference cycle would not recurse forever.
        Check[] target = new Check[1];
        Check lazy = node -> target[0].test(node);
        compiled.put(key, lazy);
        target[0] = compile(ShapeModel.get().document(targetDoc).at(fragment), targetDoc);
        return lazy;
    }

    private static Check type(String type) {
        return switch (type) {
            case "object" -> JsonNode::isObject;
            case "array" -> JsonNode::isArray;
            case "string" -> JsonNode::isString;
            // A number too large for a double (1e400) is not a number to networknt.
            case "number" -> node -> node.isIntegralNumber() || node.isNumber() && isFinite(node);
            // JSON Schema's integer is a number without a fraction, 1.0 included.
            case "integer" -> node -> node.isIntegralNumber() || node.isNumber() && isFinite(node) && isWhole(node);
            default -> throw new IllegalStateException("no fast check for type " + type);
        };
    }

    private static boolean isFinite(JsonNode node) {
        return node.isIntegralNumber() || node.isBigDecimal() || Double.isFinite(node.doubleValue());
    }

    private static boolean isWhole(JsonNode node) {
        if (node.isBigDecimal()) {
            return node.decimalValue().stripTrailingZeros().scale() <= 0;
        }
        double d = node.doubleValue();
        return !Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d);
    }

    /** The sign of node - bound, exactly; an int or long against a whole bound needs no BigDecimal. */
    private static int compare(JsonNode node, BigDecimal bound) {
        if ((node.isInt() || node.isLong()) && bound.scale() <= 0 && bound.precision() - bound.scale() <= 18) {
            return Long.compare(node.longValue(), bound.longValueExact());
        }
        return decimal(node).compareTo(bound);
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isIntegralNumber()) {
            return new BigDecimal(node.bigIntegerValue());
        }
        return node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.doubleValue()); // finite: see type
    }

    /** JSON Schema counts string length in code points. */
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The object keywords of one schema, checked in one pass over the members. */
    private final class ObjectCheck implements Check {
        private final Map<String, Check> properties = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private final Map<String, List<String>> dependentRequired = new LinkedHashMap<>();
        private boolean closed;
        private Check additional;
        private Check names;
        private int maxProperties = Integer.MAX_VALUE;
        private int minProperties;

        void add(String keyword, JsonNode value, String doc) {
            switch (keyword) {
                case "properties" -> value.properties().forEach(p -> properties.put(p.getKey(),
                        compile(p.getValue(), doc)));
                case "required" -> value.forEach(r -> required.add(r.stringValue()));
                case "additionalProperties" -> {
                    if (value.isBoolean()) {
                        closed = !value.booleanValue();
                    } else {
                        additional = compile(value, doc);
                    }
                }
                case "propertyNames" -> names = compile(value, doc);
                case "maxProperties" -> maxProperties = value.intValue();
                case "minProperties" -> minProperties = value.intValue();
                case "dependentRequired" -> value.properties().forEach(p -> {
                    List<String> needs = new ArrayList<>();
                    p.getValue().forEach(n -> needs.add(n.stringValue()));
                    dependentRequired.put(p.getKey(), needs);
                });
                default -> throw new IllegalStateException(keyword);
            }
        }

        @Override
        public boolean test(JsonNode node) {
            if (!node.isObject()) {
                return true;
            }
            int size = node.size();
            if (size > maxProperties || size < minProperties) {
                return false;
            }
            for (String name : required) {
                if (!node.has(name)) {
                    return false;
                }
            }
            for (Map.Entry<String, List<String>> d : dependentRequired.entrySet()) {
                if (node.has(d.getKey())) {
                    for (String need : d.getValue()) {
                        if (!node.has(need)) {
                            return false;
                        }
                    }
                }
            }
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (names != null && !names.test(Json.MAPPER.getNodeFactory().stringNode(member.getKey()))) {
                    return false;
                }
                Check property = properties.get(member.getKey());
                if (property != null) {
                    if (!property.test(member.getValue())) {
                        return false;
                    }
                } else if (closed || additional != null && !additional.test(member.getValue())) {
                    return false;
                }
            }
            return true;
        }
    }
}
