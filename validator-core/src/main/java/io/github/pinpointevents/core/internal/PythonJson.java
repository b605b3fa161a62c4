package io.github.pinpointevents.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;

/**
 * JSON written the way the AWS CLI writes it with Python's json module: {@link #dumps} is the request
 * body botocore sends ({@code json.dumps(body)}: ", " and ": " separators, non-ASCII escaped), and
 * {@link #pretty} is the CLI's output ({@code indent=4, ensure_ascii=False}).
 */
public final class PythonJson {

    private PythonJson() {
    }

    /** The wire body botocore sends for a rest-json payload. */
    public static byte[] dumps(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(node, b, -1, 0, true);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The AWS CLI's JSON output, with a final newline. */
    public static String pretty(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(node, b, 4, 0, false);
        return b.append('\n').toString();
    }

    private static void write(JsonNode node, StringBuilder b, int indent, int depth, boolean ascii) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append('{');
            for (Iterator<Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
                Entry<String, JsonNode> e = it.next();
                newline(b, indent, depth + 1);
                string(e.getKey(), b, ascii);
                b.append(": ");
                write(e.getValue(), b, indent, depth + 1, ascii);
                if (it.hasNext()) {
                    b.append(indent < 0 ? ", " : ",");
                }
            }
            newline(b, indent, depth);
            b.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append('[');
            for (int i = 0; i < node.size(); i++) {
                newline(b, indent, depth + 1);
                write(node.get(i), b, indent, depth + 1, ascii);
                if (i < node.size() - 1) {
                    b.append(indent < 0 ? ", " : ",");
                }
            }
            newline(b, indent, depth);
            b.append(']');
        } else if (node.isString()) {
            string(node.stringValue(), b, ascii);
        } else if (node.isBoolean()) {
            b.append(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            b.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            double d = Json.toDouble(node);
            b.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : PythonRepr.floatRepr(d));
        } else {
            b.append("null");
        }
    }

    private static void newline(StringBuilder b, int indent, int depth) {
        if (indent >= 0) {
            b.append('\n').append(" ".repeat(indent * depth));
        }
    }

    private static void string(String s, StringBuilder b, boolean ascii) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || (ascii && c > 0x7e)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
