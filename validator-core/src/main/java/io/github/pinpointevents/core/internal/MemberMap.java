package io.github.pinpointevents.core.internal;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The members of one JSON object, in the order they were added, held in two arrays instead of a
 * {@code LinkedHashMap}. A 4,000,000-byte body of 99,000 endpoints is about 300,000 small objects; Jackson's
 * default map (an entry per member, a 16-slot table, and the key, value and entry views a walk leaves cached)
 * made that tree 62 MB, more than the 64 MB a body may take (docs/performance.md, "Memory"). Here an empty
 * object costs one small object and a member two array slots.
 *
 * <p>Lookups scan the keys while an object is small, as almost all of a request's objects are; past
 * {@link #SCAN_LIMIT} members an open-addressing table of positions keeps them constant-time (BatchItem, Events
 * and Attributes maps can hold thousands). Not thread-safe, like the {@code LinkedHashMap} it replaces.
 */
final class MemberMap extends AbstractMap<String, JsonNode> {

    private static final int SCAN_LIMIT = 8;
    private static final String[] NO_KEYS = {};
    private static final JsonNode[] NO_VALUES = {};

    private String[] keys = NO_KEYS;
    private JsonNode[] values = NO_VALUES;
    private int size;
    /** Position + 1 of each key, by hash, linear probing; null while {@code size <= SCAN_LIMIT}. */
    private int[] table;
    private int modifications;

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        Objects.requireNonNull(key, "key");
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }
        if (size == keys.length) {
            int capacity = size == 0 ? 2 : size * 2;
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        modifications++;
        if (table != null && size * 2 <= table.length) {
            insert(table, key, size - 1);
        } else if (size > SCAN_LIMIT) {
            rebuildTable();
        }
        return null;
    }

    @Override
    public JsonNode remove(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    @Override
    public void clear() {
        keys = NO_KEYS;
        values = NO_VALUES;
        size = 0;
        table = null;
        modifications++;
    }

    // Fresh views on each call: AbstractMap would cache one per map, 16 bytes for every object of the tree.
    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return new Cursor<>() {
                    @Override
                    String at(int i) {
                        return keys[i];
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }
        };
    }

    @Override
    public Collection<JsonNode> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<JsonNode> iterator() {
                return new Cursor<>() {
                    @Override
                    JsonNode at(int i) {
                        return values[i];
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, JsonNode>> iterator() {
                return new Cursor<>() {
                    @Override
                    Entry<String, JsonNode> at(int i) {
                        return new Member(i);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private int indexOf(Object key) {
        if (!(key instanceof String)) {
            return -1;
        }
        if (table == null) {
            for (int i = 0; i < size; i++) {
                // The parser hands out one canonical String per name, so identity usually decides.
                if (keys[i] == key || keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = table.length - 1;
        for (int slot = slot(key.hashCode(), table); table[slot] != 0; slot = (slot + 1) & mask) {
            int i = table[slot] - 1;
            if (keys[i] == key || keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void removeAt(int i) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        modifications++;
        // Positions after i moved: rebuild (removal is rare in a parsed request, never in a walk).
        table = null;
        if (size > SCAN_LIMIT) {
            rebuildTable();
        }
    }

    private void rebuildTable() {
        int[] fresh = new int[Integer.highestOneBit(Math.max(size, SCAN_LIMIT) * 4 - 1)];
        for (int i = 0; i < size; i++) {
            insert(fresh, keys[i], i);
        }
        table = fresh;
    }

    private static void insert(int[] table, String key, int position) {
        int mask = table.length - 1;
        int slot = slot(key.hashCode(), table);
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = position + 1;
    }

    /**
     * The top bits of the hash times 2^32 / phi (Fibonacci hashing): ids such as "1", "a", "10", "zz" have
     * String hashes close together, which the low bits alone pile into long probe runs.
     */
    private static int slot(int hash, int[] table) {
        return (hash * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(table.length) + 1);
    }

    /** An entry that reads and writes its position, as a {@code LinkedHashMap} entry writes through. */
    private final class Member implements Entry<String, JsonNode> {
        private final int position;

        Member(int position) {
            this.position = position;
        }

        @Override
        public String getKey() {
            return keys[position];
        }

        @Override
        public JsonNode getValue() {
            return values[position];
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            JsonNode old = values[position];
            values[position] = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && getKey().equals(e.getKey())
                    && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return getKey().hashCode() ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return getKey() + "=" + getValue();
        }
    }

    /** Walks the positions in order; fails fast on a change it did not make, and removes through itself. */
    private abstract class Cursor<T> implements Iterator<T> {
        private int next;
        private int last = -1;
        private int expected = modifications;

        abstract T at(int i);

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (expected != modifications) {
                throw new ConcurrentModificationException();
            }
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            return at(last);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException();
            }
            if (expected != modifications) {
                throw new ConcurrentModificationException();
            }
            removeAt(last);
            next = last;
            last = -1;
            expected = modifications;
        }
    }
}
