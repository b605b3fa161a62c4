package io.github.pinpointevents.core.awscli;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.PythonRepr;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON parameter read as the AWS CLI reads it, refused in Python's words: the AWS CLI parses with Python's
 * {@code json} module, whose first error and its position (https://docs.python.org/3/library/json.html,
 * {@code JSONDecodeError}) {@link #pythonError} finds by scanning as that module's decoder scans.
 */
final class AwsCliJson {

    /** Python's recursion limit stops its decoder near here; our scan stops at the same order of depth. */
    private static final int MAX_DEPTH = 900;

    private final String s;
    private int i;
    private int depth;

    private AwsCliJson(String s) {
        this.s = s;
    }

    /** A JSON structure parameter ({@code --events-request}) whose text starts with { or [ after blanks. */
    static ObjectNode parseObject(String parameter, String text) throws ParameterFile.ParameterException {
        if (!text.stripLeading().startsWith("{")) { // the AWS CLI parses a structure's JSON only from a {
            throw new ParameterFile.ParameterException("Error parsing parameter '" + parameter + "': Invalid JSON:\n"
                    + text);
        }
        JsonNode node;
        try {
            node = Json.AWS_CLI_READER.readTree(text);
        } catch (JacksonException e) {
            String python = pythonError(text);
            if (python != null && python.startsWith("maximum recursion depth")) { // Python's RecursionError
                throw new ParameterFile.ParameterException(python, AwsCliPutEvents.GENERAL_ERROR);
            }
            throw new ParameterFile.ParameterException("Error parsing parameter '" + parameter + "': Invalid JSON: "
                    + (python != null ? python : e.getOriginalMessage()) + "\nJSON received: " + text);
        }
        return (ObjectNode) node; // a text starting with { that parses is an object
    }

    /** The {@code --cli-input-json} document: any JSON error is "Invalid JSON received.", a non-object its type. */
    static ObjectNode parseDocument(String text) throws ParameterFile.ParameterException {
        JsonNode node;
        try {
            node = Json.AWS_CLI_READER.readTree(text);
        } catch (JacksonException e) {
            String python = pythonError(text);
            if (python != null && python.startsWith("maximum recursion depth")) {
                throw new ParameterFile.ParameterException(python, AwsCliPutEvents.GENERAL_ERROR);
            }
            node = null;
        }
        if (node == null || node.isMissingNode()) {
            throw new ParameterFile.ParameterException("Error parsing parameter 'cli-input-json': Invalid JSON received.");
        }
        if (!node.isObject()) {
            throw new ParameterFile.ParameterException("Error parsing parameter '--cli-input-json': Invalid type:"
                    + " expecting map, received " + PythonRepr.type(node, false));
        }
        return (ObjectNode) node;
    }

    /** Python's message for the first error in {@code text}, e.g. "Expecting value: line 1 column 1 (char 0)". */
    static String pythonError(String text) {
        AwsCliJson scan = new AwsCliJson(text);
        try {
            scan.value();
            scan.space();
            if (scan.i != text.length()) {
                throw scan.error("Extra data", scan.i);
            }
            return null; // Python reads it: Jackson refused it for one of our limits (Json.READ_CONSTRAINTS)
        } catch (Failure f) {
            return f.getMessage();
        }
    }

    private void value() {
        space();
        if (i >= s.length()) {
            throw error("Expecting value", i);
        }
        char c = s.charAt(i);
        if (c == '{') {
            object();
        } else if (c == '[') {
            array();
        } else if (c == '"') {
            string();
        } else if (!literal("null", "true", "false", "NaN", "Infinity", "-Infinity") && !number()) {
            throw error("Expecting value", i);
        }
    }

    private void object() {
        deeper("object");
        i++;
        space();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            depth--;
            return;
        }
        while (true) {
            if (i >= s.length() || s.charAt(i) != '"') {
                throw error("Expecting property name enclosed in double quotes", i);
            }
            string();
            space();
            if (i >= s.length() || s.charAt(i) != ':') {
                throw error("Expecting ':' delimiter", i);
            }
            i++;
            value();
            space();
            char next = i < s.length() ? s.charAt(i) : 0;
            if (next == '}') {
                i++;
                depth--;
                return;
            } else if (next != ',') {
                throw error("Expecting ',' delimiter", i);
            }
            i++;
            space();
        }
    }

    private void array() {
        deeper("array");
        i++;
        space();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            depth--;
            return;
        }
        while (true) {
            value();
            space();
            char next = i < s.length() ? s.charAt(i) : 0;
            if (next == ']') {
                i++;
                depth--;
                return;
            } else if (next != ',') {
                throw error("Expecting ',' delimiter", i);
            }
            i++;
        }
    }

    private void deeper(String what) {
        if (++depth > MAX_DEPTH) {
            throw new Failure("maximum recursion depth exceeded while decoding a JSON " + what
                    + " from a unicode string");
        }
    }

    private void string() {
        int start = i++;
        while (true) {
            if (i >= s.length()) {
                throw error("Unterminated string starting at", start);
            }
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return;
            } else if (c < 0x20) {
                throw error("Invalid control character at", i);
            } else if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw error("Unterminated string starting at", start);
                }
                char e = s.charAt(i + 1);
                if (e == 'u') {
                    String hex = s.substring(i + 2, Math.min(s.length(), i + 6));
                    if (hex.length() < 4 || !hex.matches("[0-9a-fA-F]{4}")) {
                        throw error("Invalid \\uXXXX escape", i + 1);
                    }
                    i += 6;
                } else if ("\"\\/bfnrt".indexOf(e) >= 0) {
                    i += 2;
                } else {
                    throw error("Invalid \\escape: '" + e + "'", i);
                }
            } else {
                i++;
            }
        }
    }

    private boolean literal(String... words) {
        for (String word : words) {
            if (s.startsWith(word, i)) {
                i += word.length();
                return true;
            }
        }
        return false;
    }

    /** Python's NUMBER_RE: -?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?, fraction and exponent optional. */
    private boolean number() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?")
                .matcher(s).region(i, s.length());
        if (m.lookingAt()) {
            i = m.end();
            return true;
        }
        return false;
    }

    private void space() {
        while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    /** Python counts characters (code points), lines from 1 and columns from 1. */
    private Failure error(String message, int at) {
        int pos = s.codePointCount(0, at);
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < at; k++) {
            if (s.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        int column = s.codePointCount(lineStart, at) + 1;
        return new Failure(message + ": line " + line + " column " + column + " (char " + pos + ")");
    }

    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
