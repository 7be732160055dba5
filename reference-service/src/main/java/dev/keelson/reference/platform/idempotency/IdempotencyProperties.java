package dev.keelson.reference.platform.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reference.idempotency.*}.
 *
 * @param enabled {@code false} ignores {@code Idempotency-Key} (for measurements; never in production)
 * @param ttl     how long a response is kept for replay
 * @param waitForFirst how long a retry waits for the first request with its key before it gets 409
 */
@Validated
@ConfigurationProperties("reference.idempotency")
record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") @NotNull Duration ttl,
        @DefaultValue("5s") @NotNull Duration waitForFirst) {}
