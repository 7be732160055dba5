package dev.keelson.reference.platform.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keelson.reference.platform.ratelimit.BucketStore;
import dev.keelson.reference.platform.ratelimit.LocalBucketStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;

/**
 * Buckets in Redis, shared by every instance (bucket4j's compare-and-swap over Lettuce; a key expires 10 s after its
 * bucket would be full again). Concurrent requests of one client on one instance are batched into one Redis
 * exchange. While Redis is unreachable the {@link LocalBucketStore} answers instead: limits then hold per instance
 * (fail open to per-instance limits, never closed: an outage of the cache must not lock every user out).
 */
final class RedisBucketStore implements BucketStore {
    private final SharedRedis redis;
    private final LocalBucketStore fallback;
    private final Duration timeout;
    private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private volatile LettuceBasedProxyManager<String> manager;

    RedisBucketStore(SharedRedis redis, LocalBucketStore fallback, Duration timeout) {
        this.redis = redis;
        this.fallback = fallback;
        this.timeout = timeout;
    }

    @Override
    public ConsumptionProbe tryConsume(String key, Bandwidth limit) {
        return redis.call(connection -> proxy(connection, key, limit).tryConsumeAndReturnRemaining(1))
                .orElseGet(() -> fallback.tryConsume(key, limit));
    }

    private BucketProxy proxy(StatefulRedisConnection<String, byte[]> connection, String key, Bandwidth limit) {
        BucketConfiguration configuration = BucketConfiguration.builder().addLimit(limit).build();
        return proxies.get(key, k -> manager(connection).builder()
                .withOptimization(Optimizations.batching())
                .build(redis.key("rl:" + k), () -> configuration));
    }

    private LettuceBasedProxyManager<String> manager(StatefulRedisConnection<String, byte[]> connection) {
        LettuceBasedProxyManager<String> current = manager;
        if (current == null) {
            synchronized (this) {
                if (manager == null) {
                    manager = Bucket4jLettuce.casBasedBuilder(connection)
                            .requestTimeout(timeout)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build();
                }
                current = manager;
            }
        }
        return current;
    }
}
