package io.github.pinpointevents.core.awscli;

import io.github.pinpointevents.core.internal.Resources;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * {@code --output table} as AWS CLI v2 lays it out when standard output is not a terminal (80 columns, no
 * colour): one titled section per object, scalar members as sorted columns, nested members as indented sections;
 * columns scaled to the widest section, and single-row sections turned vertical when wider than 80. Read from
 * awscli/formatter.py and awscli/table.py in https://github.com/aws/aws-cli; the code is our own.
 */
final class AwsCliTable {

    private static final int TERMINAL_WIDTH = 80;
    private static final int[] WIDE = wideRanges();

    /** One section: a title, optional column headers, rows of cells, an indentation level. */
    private static final class Section {
        String title = "";
        List<String> headers = List.of();
        final List<List<String>> rows = new ArrayList<>();
        int indent;
        Integer columns;
        List<Integer> maxWidths = new ArrayList<>();

        void header(List<String> names) {
            updateWidths(names);
            if (columns == null) {
                columns = names.size();
            }
            headers = names;
        }

        void row(List<String> cells) {
            if (columns == null) {
                columns = cells.size();
            }
            if (cells.size() != columns) {
                throw new IllegalArgumentException("Row should have " + columns + " elements, instead it has "
                        + cells.size());
            }
            rows.add(cells);
            updateWidths(cells);
        }

        private void updateWidths(List<String> cells) {
            if (maxWidths.isEmpty()) {
                maxWidths = new ArrayList<>(cells.stream().map(AwsCliTable::width).toList());
            } else {
                for (int k = 0; k < cells.size(); k++) {
                    maxWidths.set(k, Math.max(width(cells.get(k)), maxWidths.get(k)));
                }
            }
        }

        /** The columns' widths with padding, scaled so they add up to {@code maxWidth}. */
        List<Integer> widths(int padding, int maxWidth) {
            List<Integer> unscaled = maxWidths.stream().map(w -> w + padding).toList();
            if (unscaled.isEmpty()) {
                return unscaled;
            }
            double scale = maxWidth / (double) unscaled.stream().mapToInt(Integer::intValue).sum();
            List<Integer> scaled = new ArrayList<>(unscaled.stream().map(w -> (int) Math.rint(scale * w)).toList());
            int offBy = scaled.stream().mapToInt(Integer::intValue).sum() - maxWidth;
            while (offBy != 0) {
                for (int n = 0; n < scaled.size() && offBy != 0; n++) {
                    int k = offBy < 0 ? scaled.size() - 1 - n : n;
                    scaled.set(k, scaled.get(k) + (offBy > 0 ? -1 : 1));
                    offBy += offBy > 0 ? -1 : 1;
                }
            }
            return scaled;
        }

        int totalWidth() {
            int total = maxWidths.stream().mapToInt(w -> w + 4).sum() + 2 + 2 * indent;
            return Math.max(width(title) + 2 + 2 * indent, total);
        }
    }

    private final List<Section> sections = new ArrayList<>();
    private Section current;

    private AwsCliTable() {
    }

    static void write(JsonNode value, String title, PrintWriter out) {
        AwsCliTable table = new AwsCliTable();
        if (table.build(title, value, 0)) {
            out.print(table.render());
        }
    }

    private void newSection(String title, int indent) {
        current = new Section();
        current.title = title;
        current.indent = indent;
        sections.add(current);
    }

    private boolean build(String title, JsonNode value, int indent) {
        if (falsy(value)) {
            return false;
        }
        if (title != null) {
            newSection(title, indent);
        }
        if (value.isArray()) {
            if (value.get(0).isObject()) {
                fromList(value, indent, title);
            } else {
                for (JsonNode item : value) {
                    if (!item.isContainer()) {
                        current.row(List.of(str(item)));
                    } else if (allScalar(item)) {
                        List<String> cells = new ArrayList<>();
                        if (item.isObject()) {
                            cells.addAll(item.propertyNames()); // Python iterates a dict's keys
                        } else {
                            item.forEach(e -> cells.add(str(e)));
                        }
                        current.row(cells);
                    } else {
                        build(null, item, 0);
                    }
                }
            }
        }
        if (value.isObject()) {
            fromObject(value, indent);
        }
        return true;
    }

    private void fromObject(JsonNode object, int indent) {
        List<String> headers = new ArrayList<>();
        List<String> more = new ArrayList<>();
        group(object, headers, more);
        if (headers.size() == 1) {
            current.row(List.of(headers.get(0), str(object.get(headers.get(0)))));
        } else if (!headers.isEmpty()) {
            current.header(headers);
            current.row(headers.stream().map(h -> str(object.get(h))).toList());
        }
        for (String name : more) {
            build(name, object.get(name), indent + 1);
        }
    }

    private void fromList(JsonNode list, int indent, String title) {
        TreeSet<String> headerSet = new TreeSet<>();
        TreeSet<String> moreSet = new TreeSet<>();
        for (JsonNode item : list) {
            List<String> h = new ArrayList<>();
            List<String> m = new ArrayList<>();
            group(item, h, m);
            headerSet.addAll(h);
            moreSet.addAll(m);
        }
        List<String> headers = List.copyOf(headerSet);
        current.header(headers);
        boolean first = true;
        for (JsonNode element : list) {
            if (!first && !moreSet.isEmpty()) {
                newSection(title, indent);
                current.header(headers);
            }
            first = false;
            current.row(headers.stream().map(h -> element.has(h) ? str(element.get(h)) : "").toList());
            for (String name : moreSet) {
                if (element.has(name)) {
                    build(name, element.get(name), indent + 1);
                }
            }
        }
    }

    private static void group(JsonNode object, List<String> scalars, List<String> containers) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            (e.getValue().isContainer() ? containers : scalars).add(e.getKey());
        }
        scalars.sort(null);
        containers.sort(null);
    }

    private static boolean allScalar(JsonNode container) {
        if (container.isObject()) {
            return true; // its keys, strings
        }
        for (JsonNode e : container) {
            if (e.isContainer()) {
                return false;
            }
        }
        return true;
    }

    /** Python's truth value: None, False, 0, 0.0, "" and empty containers are false. */
    private static boolean falsy(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() || (v.isBoolean() && !v.booleanValue())
                || (v.isNumber() && v.doubleValue() == 0) || (v.isString() && v.stringValue().isEmpty())
                || (v.isContainer() && v.isEmpty());
    }

    private static String str(JsonNode v) {
        return AwsCliOutput.python(v);
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        int maxWidth = maxWidth();
        if (maxWidth > TERMINAL_WIDTH) {
            vertical();
            maxWidth = maxWidth();
        }
        out.append("-".repeat(maxWidth)).append('\n');
        for (Section section : sections) {
            renderSection(section, maxWidth, out);
        }
        return out.toString();
    }

    private int maxWidth() {
        return sections.stream().mapToInt(Section::totalWidth).max().orElse(0);
    }

    /** Sections of one row become two columns, header and value, one row each. */
    private void vertical() {
        for (int k = 0; k < sections.size(); k++) {
            Section s = sections.get(k);
            if (s.rows.size() == 1 && !s.headers.isEmpty()) {
                Section v = new Section();
                v.title = s.title;
                v.indent = s.indent;
                for (int c = 0; c < Math.min(s.headers.size(), s.rows.get(0).size()); c++) {
                    v.row(List.of(s.headers.get(c), s.rows.get(0).get(c)));
                }
                sections.set(k, v);
            }
        }
    }

    private static void renderSection(Section s, int maxWidth, StringBuilder out) {
        int width = maxWidth - s.indent * 2;
        String edge = "|".repeat(s.indent);
        if (!s.title.isEmpty()) {
            line(edge, center(s.title, width, "|", "|"), out);
            if (s.headers.isEmpty() && s.rows.isEmpty()) {
                line(edge, "+" + "-".repeat(Math.max(0, width - 2)) + "+", out);
            }
        }
        if (!s.headers.isEmpty()) {
            List<Integer> widths = s.widths(4, width);
            StringBuilder titles = new StringBuilder();
            for (int c = 0; c < Math.min(widths.size(), s.headers.size()); c++) {
                titles.append(center(s.headers.get(c), widths.get(c), c == 0 ? "|" : "", "|"));
            }
            line(edge, lineBreak(widths), out);
            line(edge, titles.toString(), out);
        }
        if (!s.rows.isEmpty()) {
            List<Integer> widths = s.widths(4, width);
            if (widths.isEmpty()) {
                return;
            }
            line(edge, lineBreak(widths), out);
            for (List<String> row : s.rows) {
                StringBuilder cells = new StringBuilder();
                for (int c = 0; c < Math.min(widths.size(), row.size()); c++) {
                    cells.append(alignLeft(row.get(c), widths.get(c), c == 0 ? "|" : "", "|"));
                }
                line(edge, cells.toString(), out);
            }
            line(edge, lineBreak(widths), out);
        }
    }

    private static void line(String edge, String text, StringBuilder out) {
        out.append(edge).append(text).append(edge).append('\n');
    }

    private static String lineBreak(List<Integer> widths) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < widths.size(); k++) {
            b.append(k == 0 ? "+" + "-".repeat(Math.max(0, widths.get(k) - 2)) + "+"
                    : "-".repeat(Math.max(0, widths.get(k) - 1)) + "+");
        }
        return b.toString();
    }

    private static String center(String text, int length, String left, String right) {
        int textLength = width(text);
        int start = Math.floorDiv(length, 2) - Math.floorDiv(textLength, 2) - 1;
        int soFar = left.length() + start + textLength;
        return left + " ".repeat(Math.max(0, start)) + text
                + " ".repeat(Math.max(0, length - right.length() - soFar)) + right;
    }

    private static String alignLeft(String text, int length, String left, String right) {
        int textLength = width(text);
        int padding = length - (textLength + 2 + left.length() + right.length()) >= 0 ? 2 : 0;
        int soFar = left.length() + padding + textLength;
        return left + " ".repeat(padding) + text + " ".repeat(Math.max(0, length - soFar - right.length())) + right;
    }

    /** Columns a text takes: East Asian wide, full-width and ambiguous characters take two. */
    static int width(String text) {
        int w = 0;
        for (int k = 0; k < text.length();) {
            int cp = text.codePointAt(k);
            w += wide(cp) ? 2 : 1;
            k += Character.charCount(cp);
        }
        return w;
    }

    private static boolean wide(int cp) {
        int lo = 0;
        int hi = WIDE.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < WIDE[2 * mid]) {
                hi = mid - 1;
            } else if (cp > WIDE[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static int[] wideRanges() {
        String text = new String(Resources.bytes("/io/github/pinpointevents/core/awscli/east-asian-wide.txt"),
                StandardCharsets.US_ASCII);
        List<Integer> bounds = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split(" ");
                bounds.add(Integer.parseInt(parts[0], 16));
                bounds.add(Integer.parseInt(parts[1], 16));
            }
        }
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }
}
