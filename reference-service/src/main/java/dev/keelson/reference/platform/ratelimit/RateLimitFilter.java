package dev.keelson.reference.platform.ratelimit;

import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.errors.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets in front of the API: one per client address for {@code /api/**} and {@code /graphql},
 * one per user instead for requests with a valid token. // keelson:auth
 * {@code /api/v1/auth/**}, where passwords can be guessed, has its own strict bucket per client address. // keelson:auth
 * Every answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds until the bucket is full again); over the limit it is 429 with
 * {@code Retry-After} and a problem document. Buckets are chosen on the decoded, normalised path (see
 * {@link #path}), so {@code /%61pi/v1/auth/login} could not escape the sign-in bucket even if it got this far.
 *
 * <p>Runs after Spring Security.
 * So it knows the user; requests that security refuses (401) never reach it: limit connection rates at the // keelson:auth
 * edge for those. // keelson:auth
 * The client address is {@code getRemoteAddr()}: the TCP peer, or, when the
 * peer is a proxy in {@code server.tomcat.remoteip.internal-proxies}, the nearest address in {@code X-Forwarded-For}
 * that is not one (Tomcat's {@code RemoteIpValve} reads it from the right, so what a client writes is ignored).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2)
class RateLimitFilter extends OncePerRequestFilter {
    private static final String AUTH_PREFIX = "/api/v1/auth/"; // keelson:auth

    private final BucketStore buckets;
    private final Problems problems;
    private final boolean enabled;
    private final Bandwidth auth; // keelson:auth
    private final Bandwidth api;

    RateLimitFilter(BucketStore buckets, Problems problems, RateLimitProperties properties) {
        this.buckets = buckets;
        this.problems = problems;
        this.enabled = properties.enabled();
        this.auth = bandwidth(properties.auth()); // keelson:auth
        this.api = bandwidth(properties.api());
    }

    private static Bandwidth bandwidth(RateLimitProperties.Limit limit) {
        return Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !enabled || !(path.startsWith("/api/") || path.equals("/graphql"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = bucket(request);
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

    /** A bucket's key in the store, its limit, and what a refusal says. */
    private record Bucket(String key, Bandwidth limit, String tooMany) {}

    /** {@code auth:ip:…} for sign-in, {@code api:user:…} or {@code api:ip:…} for the rest. */
    private Bucket bucket(HttpServletRequest request) {
        // keelson:begin auth
        if (path(request).startsWith(AUTH_PREFIX)) {
            return new Bucket("auth:ip:" + request.getRemoteAddr(), auth, "Too many sign-in requests from your address");
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return new Bucket("api:user:" + jwt.getName(), api, "Too many requests");
        }
        // keelson:end auth
        return new Bucket("api:ip:" + request.getRemoteAddr(), api, "Too many requests");
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
