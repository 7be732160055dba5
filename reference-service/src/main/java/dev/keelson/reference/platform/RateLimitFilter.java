package dev.keelson.reference.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the unauthenticated auth endpoints ({@code /api/v1/auth/**}), where passwords can be guessed, to
 * {@code reference.rate-limit.auth.capacity} requests per {@code reference.rate-limit.auth.period} per client
 * address (10 per minute by default), refilled gradually. Over the limit: 429 with {@code Retry-After}.
 *
 * <p>Buckets live in this instance's memory (at most 100,000 addresses, dropped after 10 idle minutes), so with N
 * instances a client gets up to N times the limit; sharing them through Redis is the next step. The client address
 * is the TCP peer: behind a proxy, set {@code server.forward-headers-strategy=native} so it is the real client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RateLimitFilter extends OncePerRequestFilter {
    private static final String LIMITED_PREFIX = "/api/v1/auth/";

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final Bandwidth limit;
    private final Problems problems;

    RateLimitFilter(@Value("${reference.rate-limit.auth.capacity:10}") long capacity,
            @Value("${reference.rate-limit.auth.period:1m}") Duration period, Problems problems) {
        this.limit = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(LIMITED_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(request.getRemoteAddr(), address -> Bucket.builder().addLimit(limit).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        problems.write(problems.of(ErrorCode.RATE_LIMITED,
                "Too many sign-in requests from your address; try again in " + retryAfter + " s", request), response);
    }
}
