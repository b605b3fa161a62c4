package io.github.pinpointevents.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link MemberMap} behaves as the {@code LinkedHashMap} Jackson would use, through every size. */
class MemberMapTest {

    @Test
    void randomOperationsMatchALinkedHashMap() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            MemberMap map = new MemberMap();
            Map<String, JsonNode> model = new LinkedHashMap<>();
            int keys = 1 + random.nextInt(round < 100 ? 12 : 400); // small, and across the scan limit
            for (int op = 0; op < 1_000; op++) {
                String key = "k" + random.nextInt(keys);
                JsonNode value = IntNode.valueOf(op);
                switch (random.nextInt(10)) {
                    case 0, 1 -> assertEquals(model.remove(key), map.remove(key), key);
                    case 2 -> assertEquals(model.containsKey(key), map.containsKey(key), key);
                    case 3 -> assertEquals(model.get(key), map.get(key), key);
                    case 4 -> {
                        Iterator<Map.Entry<String, JsonNode>> expected = model.entrySet().iterator();
                        Iterator<Map.Entry<String, JsonNode>> actual = map.entrySet().iterator();
                        while (expected.hasNext()) { // drop every third member through the iterators
                            assertEquals(expected.next(), actual.next());
                            if (random.nextInt(3) == 0) {
                                expected.remove();
                                actual.remove();
                            }
                        }
                        assertEquals(expected.hasNext(), actual.hasNext());
                    }
                    default -> assertEquals(model.put(key, value), map.put(key, value), key);
                }
                assertEquals(model.size(), map.size());
            }
            assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(map.keySet()));
            assertEquals(new ArrayList<>(model.values()), new ArrayList<>(map.values()));
            assertEquals(model, map);
            assertEquals(map, model);
            assertEquals(model.hashCode(), map.hashCode());
            for (String key : model.keySet()) {
                assertEquals(model.get(key), map.get(key), key);
            }
        }
    }

    @Test
    void entriesWriteThroughAndIteratorsFailFast() {
        MemberMap map = new MemberMap();
        map.put("a", IntNode.valueOf(1));
        map.put("b", IntNode.valueOf(2));
        map.entrySet().iterator().next().setValue(IntNode.valueOf(3));
        assertEquals(IntNode.valueOf(3), map.get("a"));
        Iterator<String> keys = map.keySet().iterator();
        keys.next();
        map.put("c", IntNode.valueOf(4));
        assertThrows(ConcurrentModificationException.class, keys::next);
        assertEquals(null, map.get(1));
        map.clear();
        assertEquals(Map.of(), map);
        assertNotEquals(map, Map.of("a", IntNode.valueOf(1)));
    }

    /** The core's mapper builds its objects on MemberMap and reads the same trees as Jackson's own. */
    @Test
    void theCoresTreesEqualJacksonsDefault() {
        List<String> documents = List.of("{}", "{\"a\":{\"b\":[1,{\"c\":\"d\"}]},\"e\":null}",
                "{\"BatchItem\":{" + String.join(",", java.util.stream.IntStream.range(0, 50)
                        .mapToObj(i -> "\"ep" + i + "\":{\"Endpoint\":{},\"Events\":{}}").toList()) + "}}");
        JsonMapper plain = JsonMapper.builder().build();
        for (String document : documents) {
            JsonNode compact = Json.MAPPER.readTree(document);
            assertInstanceOf(ObjectNode.class, compact);
            assertEquals(plain.readTree(document), compact, document);
            assertEquals(compact, plain.readTree(document), document);
            assertEquals(document, Json.MAPPER.writeValueAsString(compact));
            assertEquals(compact, compact.deepCopy());
        }
    }
}
