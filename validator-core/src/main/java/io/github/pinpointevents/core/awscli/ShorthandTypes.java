package io.github.pinpointevents.core.awscli;

import io.github.pinpointevents.core.internal.CompactNodeFactory;
import io.github.pinpointevents.core.internal.PythonRepr;
import io.github.pinpointevents.core.internal.Shape;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shorthand values typed by the service model, as the AWS CLI types them after parsing (its BackCompatVisitor,
 * awscli/shorthand.py in https://github.com/aws/aws-cli): integers through Python's {@code int()}, doubles
 * through {@code float()}, a lone value where a list belongs wrapped in a list; everything else stays a string,
 * for botocore's parameter validation to judge.
 */
final class ShorthandTypes {

    private static final JsonNodeFactory NODES = CompactNodeFactory.INSTANCE;
    /** Python's int() of a str: optional sign, digits with single underscores between them. */
    private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(?:_\\d+)*");
    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d+(?:_\\d+)*)?\\.?\\d+(?:_\\d+)*|\\d+(?:_\\d+)*\\.)(?:[eE][+-]?\\d+(?:_\\d+)*)?");
    private static final Pattern PY_SPECIAL = Pattern.compile("(?i)[+-]?(?:inf|infinity|nan)");

    private ShorthandTypes() {
    }

    /** A conversion Python refuses: the AWS CLI ends with its message (exit 255). */
    static final class ConversionError extends Exception {
        ConversionError(String message) {
            super(message, null, false, false);
        }
    }

    /** The parsed value typed by {@code shape}, as a JSON tree. */
    static ObjectNode typed(Map<String, Object> parsed, Shape.Structure shape) throws ConversionError {
        return (ObjectNode) visit(parsed, shape);
    }

    @SuppressWarnings("unchecked")
    private static JsonNode visit(Object value, Shape shape) throws ConversionError {
        if (shape instanceof Shape.Structure s && value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                Shape member = s.members().get(e.getKey());
                node.set(e.getKey(), member == null ? plain(e.getValue()) : visit(e.getValue(), member));
            }
            return node;
        } else if (shape instanceof Shape.MapShape m && value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                node.set(e.getKey(), visit(e.getValue(), m.value()));
            }
            return node;
        } else if (shape instanceof Shape.ListShape l) {
            ArrayNode node = NODES.arrayNode();
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    node.add(visit(element, l.member()));
                }
            } else {
                node.add(plain(value)); // wrapped as it is, not typed
            }
            return node;
        } else if (shape == Shape.Scalar.INTEGER) {
            return integer(value);
        } else if (shape == Shape.Scalar.DOUBLE) {
            return number(value);
        }
        return plain(value);
    }

    private static JsonNode integer(Object value) throws ConversionError {
        if (value instanceof String text) {
            String t = text.strip();
            if (PY_INT.matcher(t).matches()) {
                return NODES.numberNode(new BigInteger(t.replace("_", "").replace("+", "")));
            }
            throw new ConversionError("invalid literal for int() with base 10: " + PythonRepr.repr(NODES.stringNode(text), false));
        }
        throw new ConversionError("int() argument must be a string, a bytes-like object or a real number, not '"
                + pythonType(value) + "'");
    }

    private static JsonNode number(Object value) throws ConversionError {
        if (value instanceof String text) {
            String t = text.strip();
            if (PY_FLOAT.matcher(t).matches()) {
                return NODES.numberNode(new BigDecimal(t.replace("_", "")).doubleValue());
            } else if (PY_SPECIAL.matcher(t).matches()) {
                String lower = t.toLowerCase(java.util.Locale.ROOT);
                return NODES.numberNode(lower.contains("nan") ? Double.NaN
                        : lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            throw new ConversionError("could not convert string to float: " + PythonRepr.repr(NODES.stringNode(text), false));
        }
        throw new ConversionError("float() argument must be a string or a real number, not '" + pythonType(value) + "'");
    }

    private static String pythonType(Object value) {
        return value instanceof Map<?, ?> ? "dict" : "list";
    }

    @SuppressWarnings("unchecked")
    private static JsonNode plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            ((Map<String, Object>) map).forEach((k, v) -> node.set(k, plain(v)));
            return node;
        } else if (value instanceof List<?> list) {
            ArrayNode node = NODES.arrayNode();
            list.forEach(v -> node.add(plain(v)));
            return node;
        }
        return NODES.stringNode((String) value);
    }
}
