package dev.keelson.reference.platform.ratelimit;

import dev.keelson.reference.platform.caller.Caller;
import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.errors.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets in front of the API: one per client address for {@code /api/**} and {@code /graphql}, one per user
 * instead for requests of a signed-in user ({@link Caller#USER_ID}). A feature's {@link RateLimitRule} may claim some
 * requests for buckets of its own (sign-in: a strict bucket per client address, where passwords can be guessed).
 * Every answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds until the bucket is full again); over the limit it is 429 with
 * {@code Retry-After} and a problem document. Buckets are chosen on the decoded, normalised path (see
 * {@link #path}), so {@code /%61pi/v1/auth/login} could not escape the sign-in bucket even if it got this far.
 *
 * <p>Runs after Spring Security, so it knows the user; requests that security refuses (401) never reach it: limit
 * connection rates at the edge for those. The client address is {@code getRemoteAddr()}: the TCP peer, or, when the
 * peer is a proxy in {@code server.tomcat.remoteip.internal-proxies}, the nearest address in {@code X-Forwarded-For}
 * that is not one (Tomcat's {@code RemoteIpValve} reads it from the right, so what a client writes is ignored).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2)
class RateLimitFilter extends OncePerRequestFilter {
    private final BucketStore buckets;
    private final Problems problems;
    private final boolean enabled;
    private final Bandwidth api;
    private final List<RateLimitRule> rules;

    RateLimitFilter(BucketStore buckets, Problems problems, RateLimitProperties properties, List<RateLimitRule> rules) {
        this.buckets = buckets;
        this.problems = problems;
        this.enabled = properties.enabled();
        this.api = properties.api().bandwidth();
        this.rules = rules;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !enabled || !(path.startsWith("/api/") || path.equals("/graphql"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateBucket bucket = bucket(request);
        ConsumptionProbe probe = buckets.tryConsume(bucket.key(), bucket.limit());
        response.setHeader("RateLimit-Limit", Long.toString(bucket.limit().getCapacity()));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        String detail = bucket.tooMany() + "; try again in " + retryAfter + " s";
        problems.write(problems.of(ErrorCode.RATE_LIMITED, detail, request), response);
    }

    /** The first rule's bucket that claims the request, else {@code api:user:…} or {@code api:ip:…}. */
    private RateBucket bucket(HttpServletRequest request) {
        for (RateLimitRule rule : rules) {
            RateBucket bucket = rule.bucket(request, path(request));
            if (bucket != null) {
                return bucket;
            }
        }
        Object user = request.getAttribute(Caller.USER_ID);
        if (user != null) {
            return new RateBucket("api:user:" + user, api, "Too many requests");
        }
        return new RateBucket("api:ip:" + request.getRemoteAddr(), api, "Too many requests");
    }

    /**
     * The path as Tomcat decoded and normalised it, which is the path Spring MVC routes on (its dispatcher serves
     * {@code /}); {@code PathFirewall} has already refused paths with more than one spelling.
     */
    private static String path(HttpServletRequest request) {
        return request.getServletPath();
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
