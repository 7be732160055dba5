package dev.keelson.reference.platform.redis;

import dev.keelson.reference.platform.cache.CacheProperties;
import dev.keelson.reference.platform.cache.ReadThroughCache;
import dev.keelson.reference.platform.ratelimit.BucketStore;
import dev.keelson.reference.platform.ratelimit.LocalBucketStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;

/**
 * Active when {@code spring.data.redis.url} is set: the shared connection, the shared rate-limit buckets and read
 * cache (which take precedence over the per-instance ones) and the {@code redis} component of the health and
 * readiness checks.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.data.redis.url")
class RedisConfiguration {
    /** Reported while Redis is unreachable: the instance serves on its fallbacks, so it stays in the balancer. */
    static final Status DEGRADED = new Status("DEGRADED", "Redis is unreachable: per-instance rate limits, no cache");

    @Bean(destroyMethod = "close")
    SharedRedis sharedRedis(@Value("${spring.data.redis.url}") String url, RedisProperties properties) {
        return new SharedRedis(url, properties);
    }

    @Bean
    @Primary
    BucketStore redisBucketStore(SharedRedis redis, LocalBucketStore fallback, RedisProperties properties) {
        return new RedisBucketStore(redis, fallback, properties.timeout());
    }

    @Bean
    @Primary
    ReadThroughCache redisCache(SharedRedis redis, JsonMapper json, CacheProperties properties) {
        return new RedisCache(redis, json, properties);
    }

    /** The {@code redis} health component: {@code UP}, or {@code DEGRADED} (HTTP 200, see application.yaml). */
    @Bean
    HealthIndicator redisHealthIndicator(SharedRedis redis) {
        return () ->
                redis.ping() ? Health.up().build() : Health.status(DEGRADED).build();
    }
}
