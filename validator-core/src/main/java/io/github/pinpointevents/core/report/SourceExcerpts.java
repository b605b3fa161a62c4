package io.github.pinpointevents.core.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a fixture around a finding, for the HTML report. Results arrive in input order, so one reader
 * per file moves forward only (it reopens the file when asked for an earlier line), and every line is cut to
 * a window around the finding's column: a 1 GB NDJSON file with 100 KB lines costs a few hundred characters
 * a finding, not the file or the line.
 */
final class SourceExcerpts implements AutoCloseable {

    /** Lines shown before and after the finding's line. */
    static final int CONTEXT = 2;
    /** Characters kept of a line: the window around the column on the finding's line, the start elsewhere. */
    static final int WIDTH = 160;

    /** One line of an excerpt; {@code markFrom}/{@code markTo} are offsets into {@code text}, -1 for none. */
    record Line(int number, String text, boolean cutBefore, boolean cutAfter, int markFrom, int markTo) {
    }

    private String file;
    private BufferedReader reader;
    private int nextLine = 1;

    /**
     * The lines around {@code line} of {@code source}, or an empty list when the source is standard input,
     * not a readable file, or shorter than {@code line}.
     */
    List<Line> around(String source, int line, int column) {
        if (line <= 0 || source.equals("-")) {
            return List.of();
        }
        try {
            int first = Math.max(1, line - CONTEXT);
            if (!source.equals(file) || nextLine > first) {
                open(source);
            }
            while (nextLine < first) {
                if (!skipLine()) {
                    return List.of();
                }
            }
            List<Line> lines = new ArrayList<>();
            while (nextLine <= line + CONTEXT) {
                int number = nextLine;
                Line read = readLine(number, number == line ? column : 0);
                if (read == null) {
                    break;
                }
                lines.add(read);
            }
            return lines.stream().anyMatch(l -> l.number() == line) ? lines : List.of();
        } catch (IOException | RuntimeException e) {
            close();
            return List.of(); // an excerpt is a courtesy: a file that changed or vanished costs only the excerpt
        }
    }

    private void open(String source) throws IOException {
        close();
        Path path = Path.of(source);
        if (!Files.isRegularFile(path)) {
            throw new IOException("not a regular file");
        }
        Reader in = new java.io.InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        reader = new BufferedReader(in, 1 << 16);
        file = source;
        nextLine = 1;
    }

    private boolean skipLine() throws IOException {
        int c;
        while ((c = reader.read()) >= 0) {
            if (c == '\n') {
                nextLine++;
                return true;
            }
        }
        return false;
    }

    /** Reads one line, keeping {@link #WIDTH} characters around {@code column} (or from the start when 0). */
    private Line readLine(int number, int column) throws IOException {
        int from = column > 0 ? Math.max(0, column - 1 - WIDTH / 4) : 0;
        int to = from + WIDTH;
        StringBuilder kept = new StringBuilder();
        int index = 0;
        int c;
        boolean any = false;
        while ((c = reader.read()) >= 0 && c != '\n') {
            any = true;
            if (index >= from && index < to && c != '\r') {
                kept.append((char) c);
            }
            index++;
        }
        if (c < 0 && !any) {
            return null;
        }
        nextLine++;
        int markFrom = -1;
        int markTo = -1;
        if (column > 0 && column - 1 - from < kept.length()) {
            markFrom = column - 1 - from;
            markTo = memberEnd(kept, markFrom);
        }
        return new Line(number, kept.toString(), from > 0, index > to, markFrom, markTo);
    }

    /** The end of the member at {@code start}: its name, the colon and its value's first token. */
    static int memberEnd(CharSequence text, int start) {
        int end = tokenEnd(text, start);
        if (text.charAt(start) != '"') {
            return end;
        }
        int i = end;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != ':') {
            return end;
        }
        i++;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() ? tokenEnd(text, i) : i;
    }

    /** The end of the JSON token at {@code start}: a whole string (with its escapes), else up to a delimiter. */
    static int tokenEnd(CharSequence text, int start) {
        if (text.charAt(start) == '"') {
            for (int i = start + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    return i + 1;
                }
            }
            return text.length();
        }
        if (text.charAt(start) == '{' || text.charAt(start) == '[') {
            return start + 1;
        }
        int i = start;
        while (i < text.length() && ",}] \t".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return Math.max(i, start + 1);
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // nothing was written; a failed close of a read-only file loses nothing
            }
        }
        reader = null;
        file = null;
    }
}
