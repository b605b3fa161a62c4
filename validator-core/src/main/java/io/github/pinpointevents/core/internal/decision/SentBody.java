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
     * Bounds per node, as dumps writes it (ensure_ascii, ", " and ": " separators): a character of a string is
     * at most six bytes (a \\uXXXX escape; a character outside the BMP is two chars, so twelve), a long at most
     * 20 characters, a finite double's repr at most 24 ("-2.2250738585072014e-308"), a BigInteger at most one
     * digit for every three bits, plus two.
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
                size += 2 + 6L * member.getKey().length() + 2 + value + 2;
            }
            return size;
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
            return size;
        }
        if (node.isString()) {
            return 2 + 6L * node.stringValue().length();
        }
        if (node.isInt() || node.isLong()) {
            return 20;
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
        return 5; // true, false, null
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
