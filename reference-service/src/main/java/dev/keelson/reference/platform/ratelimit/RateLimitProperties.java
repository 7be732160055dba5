package dev.keelson.reference.platform.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reference.rate-limit.*}, checked at start-up.
 *
 * @param enabled {@code false} switches rate limiting off (for measurements; never in production)
 * @param auth    the sign-in endpoints ({@code /api/v1/auth/**}), per client address // keelson:auth
 * @param api     the API, per client address (per user once signed in)
 */
@Validated
@ConfigurationProperties("reference.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid AuthLimit auth, // keelson:auth
        @DefaultValue @Valid ApiLimit api) {

    /** A bucket of {@code capacity} tokens refilled evenly over {@code period}. */
    public interface Limit {
        long capacity();

        Duration period();
    }
    // keelson:begin auth

    /** 10 sign-in requests per minute and address by default. */
    public record AuthLimit(@DefaultValue("10") @Min(1) long capacity, @DefaultValue("1m") @NotNull Duration period)
            implements Limit {}
    // keelson:end auth

    /** 1,200 requests per minute and user by default (20 per second, in bursts of up to 1,200). */
    public record ApiLimit(@DefaultValue("1200") @Min(1) long capacity, @DefaultValue("1m") @NotNull Duration period)
            implements Limit {}

    /** How long an idle bucket must be kept before it is surely full again. */
    Duration longestPeriod() {
        Duration longest = api.period();
        longest = auth.period().compareTo(longest) > 0 ? auth.period() : longest; // keelson:auth
        return longest;
    }
}
