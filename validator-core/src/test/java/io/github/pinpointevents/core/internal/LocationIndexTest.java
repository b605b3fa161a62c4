package io.github.pinpointevents.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.TestPaths;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * The index that skips containers off the wanted paths places every pointer where a plain walk over every
 * token does (the oracle below): on the samples, for every pointer they hold plus absent ones, and on
 * documents with repeated members, escaped names, arrays and broken tails.
 */
class LocationIndexTest {

    @Test
    void locatesWhatAWalkOverEveryTokenLocates() throws Exception {
        Random random = new Random(20261127);
        int checked = 0;
        for (Path file : FixtureValidator.collect(List.of(TestPaths.repoRoot().resolve("samples")))) {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > 4_000_000 || file.toString().endsWith(".ndjson")) {
                continue;
            }
            JsonNode tree;
            try {
                tree = Json.AWS_CLI_READER.readTree(bytes);
            } catch (JacksonException e) {
                continue;
            }
            List<String> all = new ArrayList<>();
            pointers(tree, "", all);
            for (int round = 0; round < 20; round++) {
                Set<String> wanted = new HashSet<>();
                for (int i = 1 + random.nextInt(6); i > 0; i--) {
                    String p = all.get(random.nextInt(all.size()));
                    wanted.add(random.nextInt(4) == 0 ? p + "/Absent~1member" : p);
                }
                assertSame(bytes, wanted, file + " " + wanted);
                checked++;
            }
        }
        assertTrue(checked > 400, "checked " + checked);
    }

    @Test
    void firstOfRepeatedMembersEscapedNamesArraysAndBrokenTails() {
        String doc = "{\n \"a\": 1,\n \"a\": {\"b\": [10, {\"c/d~e\": true}, [3]]},\n \"x\": {\"y\": {}}, \"z\": [";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        Set<String> wanted = Set.of("/a/b/1/c~1d~0e", "/a/b/2/0", "/x/y/q", "/z/0", "/nope", "");
        assertSame(bytes, wanted, doc);
        LocationIndex index = LocationIndex.of(bytes, 0, bytes.length, wanted);
        assertArrayEquals(new int[] {2, 2}, index.locate("/a"));
        assertArrayEquals(new int[] {3, 19}, index.locate("/a/b/1/c~1d~0e"));
        assertArrayEquals(new int[] {4, 8}, index.locate("/x/y/q"));
        assertArrayEquals(new int[] {1, 1}, index.locate("/nope"));
    }

    private static void assertSame(byte[] bytes, Set<String> wanted, String what) {
        LocationIndex index = LocationIndex.of(bytes, 0, bytes.length, wanted);
        Map<String, int[]> oracle = everyToken(bytes, wanted);
        for (String p : wanted) {
            assertArrayEquals(oracleLocate(oracle, p), index.locate(p), what + " at " + p);
        }
        assertEquals(wanted.size(), wanted.stream().map(index::locate).count());
    }

    /** The plain algorithm: the path of every token as a pointer string; the first sighting wins. */
    private static Map<String, int[]> everyToken(byte[] bytes, Set<String> pointers) {
        Set<String> wanted = new HashSet<>();
        for (String p : pointers) {
            for (String a = p; ; a = LocationIndex.parent(a)) {
                wanted.add(a);
                if (a.isEmpty()) {
                    break;
                }
            }
        }
        Map<String, int[]> found = new HashMap<>();
        try (JsonParser parser = Json.AWS_CLI_READER.createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = parser.streamReadContext().pathAsPointer().toString();
                if (wanted.contains(pointer) && !found.containsKey(pointer)) {
                    TokenStreamLocation at = parser.currentTokenLocation();
                    found.put(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
                }
            }
        } catch (JacksonException e) {
            // what was found before the error stays
        }
        return found;
    }

    private static int[] oracleLocate(Map<String, int[]> found, String pointer) {
        for (String p = pointer; ; p = LocationIndex.parent(p)) {
            if (found.containsKey(p)) {
                return found.get(p);
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
        }
    }

    private static void pointers(JsonNode node, String at, List<String> out) {
        out.add(at);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                pointers(e.getValue(), at + "/" + Json.escapePointer(e.getKey()), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers(node.get(i), at + "/" + i, out);
            }
        }
    }
}
