package dev.keelson.reference.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers access tokens already verified, so a client that sends the same token on every call pays for the ES256
 * signature check once, not per request (measured: the check costs several times more than the rest of a request).
 * The key is the whole token, signature included, so only a byte-identical copy of a verified token hits; expiry is
 * checked again on every hit. Bounded to 10,000 tokens, each kept at most 5 minutes.
 */
final class VerifiedTokenCache implements JwtDecoder {
    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .executor(Runnable::run) // upkeep on the caller's thread, as in LocalBucketStore
            .build();

    VerifiedTokenCache(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null && cached.getExpiresAt() != null && clock.instant().isBefore(cached.getExpiresAt())) {
            return cached;
        }
        Jwt jwt = delegate.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
