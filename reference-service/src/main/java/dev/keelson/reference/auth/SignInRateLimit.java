package dev.keelson.reference.auth;

import dev.keelson.reference.platform.ratelimit.RateBucket;
import dev.keelson.reference.platform.ratelimit.RateLimitProperties;
import dev.keelson.reference.platform.ratelimit.RateLimitRule;
import io.github.bucket4j.Bandwidth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * {@code /api/v1/auth/**}, where passwords can be guessed, has its own strict bucket per client address
 * ({@code reference.rate-limit.auth.*}).
 */
@Component
class SignInRateLimit implements RateLimitRule {
    private static final String AUTH_PREFIX = "/api/v1/auth/";

    private final Limit limit;
    private final Bandwidth bandwidth;

    SignInRateLimit(Limit limit) {
        this.limit = limit;
        this.bandwidth = limit.bandwidth();
    }

    @Override
    public RateBucket bucket(HttpServletRequest request, String path) {
        if (!path.startsWith(AUTH_PREFIX)) {
            return null;
        }
        return new RateBucket(
                "auth:ip:" + request.getRemoteAddr(), bandwidth, "Too many sign-in requests from your address");
    }

    @Override
    public Duration period() {
        return limit.period();
    }

    /** 10 sign-in requests per minute and address by default. */
    @Validated
    @ConfigurationProperties("reference.rate-limit.auth")
    record Limit(
            @DefaultValue("10") @Min(1) long capacity,
            @DefaultValue("1m") @NotNull Duration period) implements RateLimitProperties.Limit {}
}
