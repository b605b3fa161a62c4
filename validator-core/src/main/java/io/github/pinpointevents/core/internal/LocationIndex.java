package io.github.pinpointevents.core.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Finds the line and column of JSON Pointers in a document by streaming it once. A pointer to a member
 * that is absent resolves to its nearest present ancestor. Used only when there is something to report.
 *
 * <p>The pointers are held as a tree of their reference tokens, and the parser skips every container that
 * lies on no pointer's path: locating one warning in a 100-event request costs a tokenization of the
 * bytes, without building a path string per token.
 */
public final class LocationIndex {

    private final Map<String, int[]> found = new HashMap<>();

    private LocationIndex() {
    }

    /** One reference token of the wanted pointers, and the tokens that may follow it. */
    private static final class Step {
        final String pointer;
        final Map<String, Step> next = new HashMap<>();
        /** The same steps by array index: an array of two million values is walked without a string each. */
        final Map<Integer, Step> byIndex = new HashMap<>();

        Step(String pointer) {
            this.pointer = pointer;
        }

        Step child(String token) {
            return next.get(token);
        }

        Step add(String token, String pointer) {
            Step step = next.computeIfAbsent(token, t -> new Step(pointer));
            if (isIndex(token)) {
                byIndex.put(Integer.parseInt(token), step);
            }
            return step;
        }

        /** An array index as RFC 6901 writes one: digits, no leading zero, within int. */
        private static boolean isIndex(String token) {
            return token.matches("0|[1-9][0-9]{0,8}");
        }
    }

    /** A container being read: the step it stands for (null when off every path), and the next array index. */
    private static final class Frame {
        final Step step;
        final boolean array;
        int index;
        Step member;

        Frame(Step step, boolean array) {
            this.step = step;
            this.array = array;
        }
    }

    /** Locates the pointers in {@code json}; unparsable tails are tolerated (what was found stays). */
    public static LocationIndex of(byte[] json, int offset, int length, Set<String> pointers) {
        Step root = new Step("");
        int steps = 1;
        for (String p : pointers) {
            Step step = root;
            StringBuilder path = new StringBuilder();
            for (String token : Json.tokens(p)) {
                path.append('/').append(Json.escapePointer(token));
                Step next = step.child(token);
                if (next == null) {
                    next = step.add(token, path.toString());
                    steps++;
                }
                step = next;
            }
        }
        LocationIndex index = new LocationIndex();
        Deque<Frame> open = new ArrayDeque<>();
        // Lenient as the AWS CLI is (repeated members, NaN): its findings are located in such documents too.
        try (JsonParser parser = Json.AWS_CLI_READER.createParser(json, offset, length)) {
            JsonToken token;
            // The first sighting of each step is final, so reading stops once every step has been seen: a
            // warning in a request's first endpoint costs the bytes up to it, not the whole request.
            while (index.found.size() < steps && (token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    open.pop();
                    continue;
                }
                Frame frame = open.peek();
                if (token == JsonToken.PROPERTY_NAME) {
                    // A member is located at its property name.
                    frame.member = frame.step == null ? null : frame.step.child(parser.currentName());
                    index.record(frame.member, parser);
                    continue;
                }
                Step step;
                if (frame == null) {
                    step = root;
                    index.record(step, parser);
                } else if (frame.array) {
                    step = frame.step == null ? null : frame.step.byIndex.get(frame.index);
                    frame.index++;
                    index.record(step, parser);
                } else {
                    step = frame.member;
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (step == null || step.next.isEmpty()) {
                        parser.skipChildren();
                    } else {
                        open.push(new Frame(step, token == JsonToken.START_ARRAY));
                    }
                }
            }
        } catch (JacksonException e) {
            // keep what was found before the error
        }
        return index;
    }

    /** The first sighting of a pointer wins (a repeated member is located at its first occurrence). */
    private void record(Step step, JsonParser parser) {
        if (step != null && !found.containsKey(step.pointer)) {
            TokenStreamLocation at = parser.currentTokenLocation();
            found.put(step.pointer, new int[] {at.getLineNr(), at.getColumnNr()});
        }
    }

    /** {line, column} of the pointer or of its nearest located ancestor; {0, 0} when none. */
    public int[] locate(String pointer) {
        for (String p = pointer; ; p = parent(p)) {
            int[] at = found.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
        }
    }

    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }
}
