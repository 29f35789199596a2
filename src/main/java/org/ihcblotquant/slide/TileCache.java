package org.ihcblotquant.slide;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A small least-recently-used cache of decoded tiles, by tile index. Bounded by a tile count, so
 * the memory it holds is known ({@code capacity x tile bytes}) whatever the slide size.
 */
final class TileCache<V> {
    private final int capacity;
    private final LinkedHashMap<Long, V> map;

    TileCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity " + capacity);
        }
        this.capacity = capacity;
        this.map = new LinkedHashMap<Long, V>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > TileCache.this.capacity;
            }
        };
    }

    /** The cached value, or one made by {@code load} (outside the lock, so threads decode in parallel). */
    V get(long key, LongFunction<V> load) {
        synchronized (map) {
            V v = map.get(key);
            if (v != null) {
                return v;
            }
        }
        V v = load.apply(key);
        synchronized (map) {
            map.put(key, v);
        }
        return v;
    }

    int size() {
        synchronized (map) {
            return map.size();
        }
    }

    int capacity() {
        return capacity;
    }
}
