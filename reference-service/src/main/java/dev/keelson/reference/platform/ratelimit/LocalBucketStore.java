package dev.keelson.reference.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Buckets in this instance's memory: at most 100,000 clients, each dropped once idle for longer than the longest
 * configured period (a dropped bucket was full again anyway). With N instances a client gets up to N times the
 * limit.
 * A shared store (Redis, in a project that has it) shares the buckets instead, and falls back to this one while it is
 * unreachable.
 */
@Component
public final class LocalBucketStore implements BucketStore {
    private final Cache<String, Bucket> buckets;

    LocalBucketStore(RateLimitProperties properties, List<RateLimitRule> rules) {
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(properties.longestPeriod(rules))
                // upkeep (access order, expiry) runs on the caller's thread: handing it to the common pool on every
                // full read buffer cost more CPU per request than the upkeep itself (profiled under load)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, Bandwidth limit) {
        return buckets.get(key, k -> Bucket.builder().addLimit(limit).build()).tryConsumeAndReturnRemaining(1);
    }
}
