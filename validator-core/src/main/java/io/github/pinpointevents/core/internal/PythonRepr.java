package io.github.pinpointevents.core.internal;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;

/**
 * How botocore prints a value parsed by the AWS CLI (Python's json module with OrderedDict objects), so
 * that our parameter-validation lines equal the CLI's.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /** {@code str(value)}: strings print bare, everything else as its repr. */
    public static String str(JsonNode value) {
        return value.isString() ? value.stringValue() : repr(value);
    }

    /** {@code type(value)}. */
    public static String type(JsonNode value) {
        if (value.isString()) {
            return "<class 'str'>";
        } else if (value.isBoolean()) {
            return "<class 'bool'>";
        } else if (value.isIntegralNumber()) {
            return "<class 'int'>";
        } else if (value.isNumber()) {
            return "<class 'float'>";
        } else if (value.isArray()) {
            return "<class 'list'>";
        } else if (value.isObject()) {
            return "<class 'collections.OrderedDict'>";
        }
        return "<class 'NoneType'>";
    }

    public static String repr(JsonNode value) {
        if (value.isString()) {
            return quote(value.stringValue());
        } else if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        } else if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        } else if (value.isNumber()) {
            return floatRepr(value.doubleValue());
        } else if (value.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (Iterator<JsonNode> it = value.values().iterator(); it.hasNext();) {
                b.append(repr(it.next())).append(it.hasNext() ? ", " : "");
            }
            return b.append(']').toString();
        } else if (value.isObject()) {
            if (value.isEmpty()) {
                return "OrderedDict()";
            }
            StringBuilder b = new StringBuilder("OrderedDict([");
            for (Iterator<Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext();) {
                Entry<String, JsonNode> e = it.next();
                b.append('(').append(quote(e.getKey())).append(", ").append(repr(e.getValue())).append(')')
                        .append(it.hasNext() ? ", " : "");
            }
            return b.append("])").toString();
        }
        return "None";
    }

    /** Python's repr of a float: the shortest round-trip digits, scientific below 1e-4 and from 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        } else if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale(); // d = digits[0].digits[1..] x 10^exponent
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        String plain = exact.toPlainString();
        return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }

    /** Python's repr of a str. */
    static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        s.codePoints().forEach(c -> {
            if (c == q || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append(String.format("\\x%02x", c));
            } else if (!printable(c)) {
                b.append(c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append(q).toString();
    }

    private static boolean printable(int c) {
        int type = Character.getType(c);
        return c == ' ' || !(Character.isWhitespace(c) || Character.isSpaceChar(c)
                || type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED);
    }
}
