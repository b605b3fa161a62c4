package io.github.pinpointevents.core.awscli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS CLI's shorthand syntax ({@code BatchItem={ep1={Endpoint={},Events={}}}}), read by its grammar:
 * {@code parameter = keyval *("," keyval)}, {@code keyval = key "=" values}, values a csv list, an explicit
 * {@code [...]} list, a {@code {...}} hash, a quoted or a bare word. The grammar and the error texts are those
 * of awscli/shorthand.py in https://github.com/aws/aws-cli (v2); this is our own reading of it. Values are
 * strings, lists and maps; {@link ShorthandTypes} then converts them by the model, as the AWS CLI does.
 */
final class Shorthand {

    private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.#/:";
    /** Python's string.whitespace. */
    private static final String WHITESPACE = " \t\n\r\u000b\u000c";
    private static final String START = "!#-&(-+\\--<>-Z\\\\-z|-\\uffff";
    private static final Pattern FIRST = word(START, "\\s!#-&(-+\\--\\\\^-|~-\\uffff");
    private static final Pattern SECOND = word(START, "\\s!#-&(-+\\--<>-\\uffff");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'(?:\\\\\\\\|\\\\'|[^'])*'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"(?:\\\\\\\\|\\\\\"|[^\"])*\"");

    private final String s;
    private int i;

    private Shorthand(String s) {
        this.s = s;
    }

    private static Pattern word(String start, String follow) {
        return Pattern.compile("(\\\\,|[" + start + "])(\\\\,|[" + follow + "])*", Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** The value as the AWS CLI parses it: maps (insertion order), lists and strings. */
    static Map<String, Object> parse(String value) throws SyntaxError {
        return new Shorthand(value).parameter();
    }

    private Map<String, Object> parameter() throws SyntaxError {
        Map<String, Object> params = new LinkedHashMap<>();
        String key = key();
        expect('=', true);
        params.put(key, values());
        int lastIndex = i;
        while (i < s.length()) {
            expect(',', true);
            key = key();
            expect('=', true);
            Object value = values();
            if (params.containsKey(key)) {
                throw new SyntaxError("Second instance of key \"" + key + "\" encountered for input:\n"
                        + location(lastIndex + 1) + "\nThis is often because there is a preceding \",\" instead"
                        + " of a space.");
            }
            params.put(key, value);
            lastIndex = i;
        }
        return params;
    }

    private String key() {
        int start = i;
        while (i < s.length() && KEY_CHARS.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(start, i);
    }

    private Object values() throws SyntaxError {
        if (i >= s.length()) {
            return "";
        } else if (s.charAt(i) == '[') {
            return explicitList();
        } else if (s.charAt(i) == '{') {
            return hash();
        }
        return csvValue();
    }

    private Object csvValue() throws SyntaxError {
        String first = firstValue();
        whitespace();
        if (i >= s.length() || s.charAt(i) != ',') {
            return first;
        }
        expect(',', true);
        List<Object> list = new ArrayList<>();
        list.add(first);
        while (true) {
            try {
                String current = secondValue();
                whitespace();
                if (i >= s.length()) {
                    list.add(current);
                    break;
                }
                expect(',', true);
                list.add(current);
            } catch (SyntaxError e) {
                // "a=b,c,d=e": "d" was a key, not a value; back to the comma before it.
                if (i >= s.length()) {
                    throw e;
                }
                while (i >= 0 && s.charAt(i) != ',') {
                    i--;
                }
                break;
            }
        }
        return list.size() == 1 ? first : list;
    }

    private List<Object> explicitList() throws SyntaxError {
        expect('[', true);
        List<Object> values = new ArrayList<>();
        while (current() != ']') {
            values.add(explicitValue());
            whitespace();
            if (current() != ']') {
                expect(',', false);
                whitespace();
            }
        }
        expect(']', false);
        return values;
    }

    private Object explicitValue() throws SyntaxError {
        if (current() == '[') {
            return explicitList();
        } else if (current() == '{') {
            return hash();
        }
        return firstValue();
    }

    private Map<String, Object> hash() throws SyntaxError {
        expect('{', true);
        Map<String, Object> map = new LinkedHashMap<>();
        while (current() != '}') {
            String key = key();
            expect('=', true);
            Object value = explicitValue();
            whitespace();
            if (current() != '}') {
                expect(',', false);
                whitespace();
            }
            map.put(key, value);
        }
        expect('}', false);
        return map;
    }

    private String firstValue() throws SyntaxError {
        if (current() == '\'') {
            return quoted(SINGLE_QUOTED, '\'');
        } else if (current() == '"') {
            return quoted(DOUBLE_QUOTED, '"');
        }
        Matcher m = FIRST.matcher(s).region(i, s.length());
        if (!m.lookingAt()) {
            return "";
        }
        i = m.end();
        return pythonRstrip(s.substring(m.start(), m.end()).replace("\\,", ","));
    }

    private String secondValue() throws SyntaxError {
        if (current() == '\'') {
            return quoted(SINGLE_QUOTED, '\'');
        } else if (current() == '"') {
            return quoted(DOUBLE_QUOTED, '"');
        }
        return pythonRstrip(mustMatch(SECOND, "second").replace("\\,", ","));
    }

    private String quoted(Pattern pattern, char quote) throws SyntaxError {
        String text = mustMatch(pattern, quote == '\'' ? "singled quoted" : "double quoted");
        return text.substring(1, text.length() - 1).replace("\\" + quote, String.valueOf(quote)).replace("\\\\", "\\");
    }

    private String mustMatch(Pattern pattern, String name) throws SyntaxError {
        Matcher m = pattern.matcher(s).region(i, s.length());
        if (!m.lookingAt()) {
            throw syntax("<" + name + ">", "<none>");
        }
        i = m.end();
        return s.substring(m.start(), m.end());
    }

    private void expect(char c, boolean consumeWhitespace) throws SyntaxError {
        if (consumeWhitespace) {
            whitespace();
        }
        if (i >= s.length()) {
            throw syntax(String.valueOf(c), "EOF");
        }
        if (s.charAt(i) != c) {
            throw syntax(String.valueOf(c), String.valueOf(s.charAt(i)));
        }
        i++;
        if (consumeWhitespace) {
            whitespace();
        }
    }

    /** The current character, or -1 at the end. */
    private int current() {
        return i < s.length() ? s.charAt(i) : -1;
    }

    private void whitespace() {
        while (i < s.length() && WHITESPACE.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private SyntaxError syntax(String expected, String actual) {
        return new SyntaxError("Expected: '" + expected + "', received: '" + actual + "' for input:\n" + location(i));
    }

    /** The input with a caret under {@code index}, on the line after the one it is on. */
    private String location(int index) {
        String consumed = s;
        String remaining = "";
        int spaces = index;
        int lastNewline = s.lastIndexOf('\n', index - 1);
        if (index > 0 && lastNewline >= 0) {
            spaces = index - lastNewline - 1;
        }
        int nextNewline = s.indexOf('\n', index);
        if (nextNewline >= 0) {
            consumed = s.substring(0, nextNewline);
            remaining = s.substring(nextNewline);
        }
        return consumed + "\n" + " ".repeat(spaces) + "^" + remaining;
    }

    private static String pythonRstrip(String text) {
        int end = text.length();
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || Character.isSpaceChar(text.charAt(end - 1))
                || text.charAt(end - 1) == '\u0085')) {
            end--;
        }
        return text.substring(0, end);
    }

    /** What the AWS CLI says of a value it cannot read as shorthand. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
