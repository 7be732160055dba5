package dev.keelson.reference.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The cache in this instance's memory (Caffeine). Right for one instance; with several, each would keep copies the
 * others' writes do not drop.
 * So a shared cache (Redis, in a project that has it) takes its place when configured.
 */
@Component
public final class LocalCache implements ReadThroughCache {
    private final Cache<String, Object> values;
    private final boolean enabled;

    LocalCache(CacheProperties properties) {
        this.values = Caffeine.newBuilder()
                .maximumSize(properties.maxEntries())
                .expireAfterWrite(properties.ttl())
                .executor(Runnable::run) // upkeep on the caller's thread, as in LocalBucketStore
                .build();
        this.enabled = properties.enabled();
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type, Supplier<Optional<T>> loader) {
        if (!enabled) {
            return loader.get();
        }
        Object cached = values.getIfPresent(key);
        if (type.isInstance(cached)) {
            return Optional.of(type.cast(cached));
        }
        Optional<T> loaded = loader.get();
        loaded.ifPresent(value -> values.put(key, value));
        return loaded;
    }

    @Override
    public void evictNow(String key) {
        values.invalidate(key);
    }
}
