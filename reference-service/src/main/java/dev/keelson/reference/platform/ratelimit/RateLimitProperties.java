package dev.keelson.reference.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reference.rate-limit.*}, checked at start-up.
 *
 * @param enabled {@code false} switches rate limiting off (for measurements; never in production)
 * @param api     the API, per client address (per user once signed in)
 */
@Validated
@ConfigurationProperties("reference.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid ApiLimit api) {

    /** A bucket of {@code capacity} tokens refilled evenly over {@code period}. */
    public interface Limit {
        long capacity();

        Duration period();

        /** The bucket4j limit: {@code capacity} tokens, refilled greedily over {@code period}. */
        default Bandwidth bandwidth() {
            return Bandwidth.builder()
                    .capacity(capacity())
                    .refillGreedy(capacity(), period())
                    .build();
        }
    }

    /** 1,200 requests per minute and user by default (20 per second, in bursts of up to 1,200). */
    public record ApiLimit(
            @DefaultValue("1200") @Min(1) long capacity,
            @DefaultValue("1m") @NotNull Duration period) implements Limit {}

    /** How long an idle bucket must be kept before it is surely full again, with the rules' buckets too. */
    Duration longestPeriod(List<RateLimitRule> rules) {
        Duration longest = api.period();
        for (RateLimitRule rule : rules) {
            longest = rule.period().compareTo(longest) > 0 ? rule.period() : longest;
        }
        return longest;
    }
}
