package io.github.pinpointevents.core.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Finds the line and column of JSON Pointers in a document by streaming it once. A pointer to a member
 * that is absent resolves to its nearest present ancestor. Used only when there is something to report.
 */
public final class LocationIndex {

    private final Map<String, int[]> found = new HashMap<>();

    private LocationIndex() {
    }

    /** Locates the pointers in {@code json}; unparsable tails are tolerated (what was found stays). */
    public static LocationIndex of(byte[] json, int offset, int length, Set<String> pointers) {
        Set<String> wanted = new HashSet<>();
        for (String p : pointers) {
            for (String a = p; ; a = parent(a)) {
                wanted.add(a);
                if (a.isEmpty()) {
                    break;
                }
            }
        }
        LocationIndex index = new LocationIndex();
        // Lenient as the AWS CLI is (repeated members, NaN): its findings are located in such documents too.
        try (JsonParser parser = Json.AWS_CLI_READER.createParser(json, offset, length)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                // A member is located at its property name; its value's tokens map to the same pointer
                // and are skipped because the first sighting wins.
                String pointer = parser.streamReadContext().pathAsPointer().toString();
                if (wanted.contains(pointer) && !index.found.containsKey(pointer)) {
                    TokenStreamLocation at = parser.currentTokenLocation();
                    index.found.put(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
                }
            }
        } catch (JacksonException e) {
            // keep what was found before the error
        }
        return index;
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
