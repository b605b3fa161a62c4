package io.github.pinpointevents.core.internal.decision;

import io.github.pinpointevents.core.rules.request.TooManyContainersRule;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;

/**
 * What can be known of the body botocore writes for a tree ({@code PythonJson.dumps}) without writing it: an
 * upper bound of its length, and whether the service, reading those bytes back, gets this very tree. It does
 * unless the tree holds a number botocore writes as something else ({@code NaN} and {@code Infinity}, which the
 * service's parser refuses; a decimal kept exactly, which it reads back as a double), a name with a surrogate
 * (a lone one, escaped, is refused in a name), or more objects and arrays
 * than the service's parse of a body is allowed to build ({@link TooManyContainersRule}).
 */
final class SentBody {

    /** The bound, or -1 when the tree must be written and its bytes decided instead. */
    static long faithfulBound(JsonNode tree) {
        SentBody walk = new SentBody();
        long bound = walk.bound(tree);
        return walk.containers > TooManyContainersRule.MAX_CONTAINERS ? -1 : bound;
    }

    private long containers;

    private SentBody() {
    }

    /*
     * Bounds per node, as dumps writes it (ensure_ascii, ", " and ": " separators): strings and integers
     * exactly, so a body near the limit is decided on the tree rather than written out and parsed again; a
     * finite double's repr at most 24 ("-2.2250738585072014e-308"), a BigInteger at most one digit for every
     * three bits, plus two.
     */
    private long bound(JsonNode node) {
        if (node.isObject()) {
            containers++;
            long size = 2;
            for (Entry<String, JsonNode> member : node.properties()) {
                long value = bound(member.getValue());
                if (value < 0 || hasSurrogate(member.getKey())) {
                    return -1;
                }
                size += dumpedLength(member.getKey()) + 2 + value + 2;
            }
            return node.isEmpty() ? size : size - 2; // no ", " after the last member
        }
        if (node.isArray()) {
            containers++;
            long size = 2;
            for (JsonNode element : node) {
                long value = bound(element);
                if (value < 0) {
                    return -1;
                }
                size += value + 2;
            }
            return node.isEmpty() ? size : size - 2;
        }
        if (node.isString()) {
            return dumpedLength(node.stringValue());
        }
        if (node.isInt() || node.isLong()) {
            return Long.toString(node.longValue()).length();
        }
        if (node.isBigInteger()) {
            return node.bigIntegerValue().bitLength() / 3 + 2;
        }
        if (node.isDouble()) {
            return Double.isFinite(node.doubleValue()) ? 24 : -1;
        }
        if (node.isNumber()) {
            return -1; // a float or a decimal: the service reads back a double, another node
        }
        return node.isBoolean() && !node.booleanValue() ? 5 : 4; // false; true, null
    }

    /**
     * The length of the string as {@code json.dumps} writes it with {@code ensure_ascii}: quoted, printable
     * ASCII as itself, a quote, a backslash and \\b \\f \\n \\r \\t as two characters, anything else as a
     * six-character {@code \\uXXXX} (a character outside the BMP is two chars, so two escapes). See
     * https://github.com/python/cpython/blob/main/Lib/json/encoder.py (ESCAPE_ASCII, ESCAPE_DCT).
     */
    static long dumpedLength(String s) {
        long length = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
                length += 2;
            } else if (c >= ' ' && c <= '~') {
                length++;
            } else {
                length += 6;
            }
        }
        return length;
    }

    /** botocore escapes a lone surrogate; the service's parser then refuses the name it is in. */
    private static boolean hasSurrogate(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isSurrogate(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
