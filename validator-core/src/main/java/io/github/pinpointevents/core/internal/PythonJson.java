package io.github.pinpointevents.core.internal;

import java.io.PrintWriter;
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
        Text b = new Text(null);
        write(node, b, -1, 0, true);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The AWS CLI's JSON output, with a final newline. */
    public static String pretty(JsonNode node) {
        Text b = new Text(null);
        write(node, b, 4, 0, false);
        return b.append('\n').toString();
    }

    /** The AWS CLI's JSON output, with a final newline, written to {@code out} as it is made. */
    public static void pretty(JsonNode node, PrintWriter out) {
        Text b = new Text(out);
        write(node, b, 4, 0, false);
        b.append('\n').flush();
    }

    private static void write(JsonNode node, Text b, int indent, int depth, boolean ascii) {
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
        } else if (node.isInt() || node.isLong()) {
            b.append(Long.toString(node.longValue()));
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

    /** A StringBuilder that hands its text to a writer in chunks, when it has one. */
    private static final class Text {
        private static final int CHUNK = 64 * 1024;
        private final StringBuilder b = new StringBuilder();
        private final PrintWriter out;

        Text(PrintWriter out) {
            this.out = out;
        }

        Text append(char c) {
            b.append(c);
            return spill();
        }

        Text append(Object o) {
            b.append(o);
            return spill();
        }

        Text append(String s) {
            b.append(s);
            return spill();
        }

        private Text spill() {
            if (out != null && b.length() >= CHUNK) {
                flush();
            }
            return this;
        }

        void flush() {
            out.append(b);
            b.setLength(0);
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    private static boolean plain(String s, boolean ascii) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || (ascii && c > 0x7e)) {
                return false;
            }
        }
        return true;
    }

    private static void newline(Text b, int indent, int depth) {
        if (indent >= 0) {
            b.append('\n').append(" ".repeat(indent * depth));
        }
    }

    private static void string(String s, Text b, boolean ascii) {
        b.append('"');
        if (plain(s, ascii)) { // most strings need no escape: one append, not one per character
            b.append(s);
            b.append('"');
            return;
        }
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
