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
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;

/**
 * Buckets in Redis, shared by every instance (bucket4j's compare-and-swap over Lettuce; a key expires 10 s after its
 * bucket would be full again). Large buckets are synchronised with Redis every 1 % of their capacity rather than on
 * every request (see {@link #optimization}). While Redis is unreachable the {@link LocalBucketStore} answers instead:
 * limits then hold per instance (fail open to per-instance limits, never closed: an outage of the cache must not lock
 * every user out).
 */
final class RedisBucketStore implements BucketStore {
    static final long UNSYNCHRONIZED_PERCENT = 1;
    static final Duration UNSYNCHRONIZED_FOR = Duration.ofMillis(100);

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
        BucketConfiguration configuration =
                BucketConfiguration.builder().addLimit(limit).build();
        return proxies.get(
                key,
                k -> manager(connection)
                        .builder()
                        .withOptimization(optimization(limit))
                        .build(redis.key("rl:" + k), () -> configuration));
    }

    /**
     * How often a bucket talks to Redis. A bucket of 100 tokens or more (the API's, 1,200 a minute by default) takes
     * tokens locally and writes them back once {@value #UNSYNCHRONIZED_PERCENT} % of its capacity or
     * {@link #UNSYNCHRONIZED_FOR} has gone unsynchronised: each instance may overshoot by at most that share, and a
     * request no longer waits for two Redis round trips (compare and swap) each time. Smaller buckets (sign-in, 10 a
     * minute) stay exact: every take is a Redis exchange, concurrent ones batched into one.
     */
    static Optimization optimization(Bandwidth limit) {
        long unsynchronized = limit.getCapacity() * UNSYNCHRONIZED_PERCENT / 100;
        return unsynchronized < 1
                ? Optimizations.batching()
                : Optimizations.delaying(new DelayParameters(unsynchronized, UNSYNCHRONIZED_FOR));
    }

    private LettuceBasedProxyManager<String> manager(StatefulRedisConnection<String, byte[]> connection) {
        LettuceBasedProxyManager<String> current = manager;
        if (current == null) {
            synchronized (this) {
                if (manager == null) {
                    manager = Bucket4jLettuce.casBasedBuilder(connection)
                            .requestTimeout(timeout)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    Duration.ofSeconds(10)))
                            .build();
                }
                current = manager;
            }
        }
        return current;
    }
}
