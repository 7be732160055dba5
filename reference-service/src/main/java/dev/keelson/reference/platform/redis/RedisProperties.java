package dev.keelson.reference.platform.redis;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reference.redis.*}; the server itself is {@code spring.data.redis.url}.
 *
 * @param keyPrefix  prepended to every key, so several services (or tests) can share one Redis
 * @param timeout    how long one command may take before the caller falls back
 * @param retryAfter after a failure, how long callers fall back at once before Redis is tried again
 */
@Validated
@ConfigurationProperties("reference.redis")
record RedisProperties(
        @DefaultValue("reference:") @NotNull String keyPrefix,
        @DefaultValue("500ms") @NotNull Duration timeout,
        @DefaultValue("2s") @NotNull Duration retryAfter) {}
