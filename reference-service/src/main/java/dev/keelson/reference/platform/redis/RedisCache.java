package dev.keelson.reference.platform.redis;

import dev.keelson.reference.platform.cache.CacheProperties;
import dev.keelson.reference.platform.cache.ReadThroughCache;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read cache in Redis, shared by every instance, so a write on one instance drops the copy all of them read.
 * Values are JSON (a value that no longer reads, after an upgrade, counts as a miss). While Redis is unreachable,
 * reads go to the database and evictions that could not be sent are remembered and sent once Redis answers again
 * (more than 10,000 of them: every cached value is dropped instead), so no stale copy outlives the outage.
 */
final class RedisCache implements ReadThroughCache {
    private static final Logger log = LoggerFactory.getLogger(RedisCache.class);
    private static final int MAX_PENDING = 10_000;

    private final SharedRedis redis;
    private final JsonMapper json;
    private final long ttlSeconds;
    private final boolean enabled;
    private final Set<String> pendingEvictions = ConcurrentHashMap.newKeySet();
    private volatile boolean flushPending;

    RedisCache(SharedRedis redis, JsonMapper json, CacheProperties properties) {
        this.redis = redis;
        this.json = json;
        this.ttlSeconds = Math.max(1, properties.ttl().toSeconds());
        this.enabled = properties.enabled();
        redis.onRecovery(this::sendPendingEvictions);
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type, Supplier<Optional<T>> loader) {
        if (!enabled) {
            return loader.get();
        }
        String redisKey = redisKey(key);
        Optional<T> cached = redis.call(c -> c.sync().get(redisKey)).flatMap(bytes -> read(bytes, type));
        if (cached.isPresent()) {
            return cached;
        }
        Optional<T> loaded = loader.get();
        loaded.ifPresent(value -> redis.call(
                c -> c.async().set(redisKey, json.writeValueAsBytes(value), SetArgs.Builder.ex(ttlSeconds))));
        return loaded;
    }

    @Override
    public void evictNow(String key) {
        String redisKey = redisKey(key);
        if (redis.call(c -> c.sync().del(redisKey)).isEmpty()) {
            remember(redisKey);
        }
    }

    private <T> Optional<T> read(byte[] bytes, Class<T> type) {
        try {
            return Optional.of(json.readValue(bytes, type));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private void remember(String redisKey) {
        if (pendingEvictions.size() < MAX_PENDING) {
            pendingEvictions.add(redisKey);
        } else {
            flushPending = true;
        }
    }

    private void sendPendingEvictions(RedisCommands<String, byte[]> commands) {
        if (flushPending) {
            long dropped = dropAll(commands);
            flushPending = false;
            pendingEvictions.clear();
            log.info("Dropped all {} cached values after Redis came back (too many evictions were missed)", dropped);
            return;
        }
        for (String redisKey : Set.copyOf(pendingEvictions)) {
            commands.del(redisKey);
            pendingEvictions.remove(redisKey);
        }
    }

    private long dropAll(RedisCommands<String, byte[]> commands) {
        long dropped = 0;
        ScanArgs match = ScanArgs.Builder.matches(redisKey("*")).limit(500);
        KeyScanCursor<String> cursor = commands.scan(match);
        while (true) {
            if (!cursor.getKeys().isEmpty()) {
                dropped += commands.unlink(cursor.getKeys().toArray(String[]::new));
            }
            if (cursor.isFinished()) {
                return dropped;
            }
            cursor = commands.scan(ScanCursor.of(cursor.getCursor()), match);
        }
    }

    private String redisKey(String key) {
        return redis.key("cache:" + key);
    }
}
