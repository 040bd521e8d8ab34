package dev.interleave.samples.hunt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small read-through cache, the kind every project has: values are loaded on a miss and kept until invalidated,
 * with hit and miss counters. Its ordinary Jupiter tests ({@code ReadThroughCacheTest}) pass on real threads almost
 * always; the hunt finds the race hidden in {@link #get}: two threads that miss the same key at once both load it,
 * and the loader (a database query, say) runs twice. {@code computeIfAbsent} would load it once.
 */
public final class ReadThroughCache<K, V> {

    private final Map<K, V> values = new ConcurrentHashMap<>();
    private final Function<K, V> loader;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public ReadThroughCache(Function<K, V> loader) {
        this.loader = loader;
    }

    public V get(K key) {
        V value = values.get(key);
        if (value != null) {
            hits.incrementAndGet();
            return value;
        }
        misses.incrementAndGet();
        V loaded = loader.apply(key); // check-then-act: another thread may be loading the same key right now
        V raced = values.putIfAbsent(key, loaded);
        return raced != null ? raced : loaded;
    }

    public void invalidate(K key) {
        values.remove(key);
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public int size() {
        return values.size();
    }
}
