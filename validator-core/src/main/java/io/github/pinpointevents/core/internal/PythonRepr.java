package io.github.pinpointevents.core.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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

    /**
     * {@code str(value)} as it reaches the terminal: strings print bare (a lone surrogate, which Python's
     * stderr cannot encode, as its backslash escape), everything else as its repr.
     *
     * @param ordered whether objects are OrderedDicts (parsed from --events-request) or dicts
     */
    public static String str(JsonNode value, boolean ordered) {
        return value.isString() ? escapeSurrogates(value.stringValue()) : repr(value, ordered);
    }

    /** {@code type(value)}. */
    public static String type(JsonNode value, boolean ordered) {
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
            return ordered ? "<class 'collections.OrderedDict'>" : "<class 'dict'>";
        }
        return "<class 'NoneType'>";
    }

    public static String repr(JsonNode value, boolean ordered) {
        if (value.isString()) {
            return quote(value.stringValue());
        } else if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        } else if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        } else if (value.isNumber()) {
            return floatRepr(Json.toDouble(value));
        } else if (value.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (Iterator<JsonNode> it = value.values().iterator(); it.hasNext();) {
                b.append(repr(it.next(), ordered)).append(it.hasNext() ? ", " : "");
            }
            return b.append(']').toString();
        } else if (value.isObject()) {
            if (value.isEmpty()) {
                return ordered ? "OrderedDict()" : "{}";
            }
            // Python 3.11's reprs: OrderedDict([('k', v)]) and {'k': v}.
            StringBuilder b = new StringBuilder(ordered ? "OrderedDict([" : "{");
            for (Iterator<Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext();) {
                Entry<String, JsonNode> e = it.next();
                String key = quote(e.getKey());
                String item = repr(e.getValue(), ordered);
                b.append(ordered ? "(" + key + ", " + item + ")" : key + ": " + item).append(it.hasNext() ? ", " : "");
            }
            return b.append(ordered ? "])" : "}").toString();
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
        BigDecimal exact = shortest(Math.abs(d));
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

    /** The fewest significant digits that read back as the same double (JDK 17's toString can use more). */
    private static BigDecimal shortest(double d) {
        BigDecimal binary = new BigDecimal(d);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal candidate = binary.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return binary.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static String escapeSurrogates(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (Character.isSurrogate(c) && !paired) {
                if (b == null) {
                    b = new StringBuilder(s.substring(0, i));
                }
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
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
                b.append(c < 0x100 ? String.format("\\x%02x", c)
                        : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
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
