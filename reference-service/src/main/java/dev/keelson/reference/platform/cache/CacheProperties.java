package dev.keelson.reference.platform.cache;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reference.cache.*}.
 *
 * @param enabled    {@code false}: every read goes to the database (for measurements)
 * @param ttl        the longest a value stays cached
 * @param maxEntries the most values kept in memory (without Redis)
 */
@Validated
@ConfigurationProperties("reference.cache")
public record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5m") @NotNull Duration ttl,
        @DefaultValue("10000") @Min(1) long maxEntries) {}
