package dev.keelson.reference.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "ES256")
                .subject("u")
                .issuedAt(NOW.minusSeconds(60))
                .expiresAt(NOW.plusSeconds(60))
                .build();
    };

    @Test
    void theSameTokenIsVerifiedOnce() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Clock.fixed(NOW, ZoneOffset.UTC));

        cache.decode("token-a");
        cache.decode("token-a");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void aDifferentTokenIsVerifiedAndAForgedOneStillFails() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Clock.fixed(NOW, ZoneOffset.UTC));
        cache.decode("token-a");

        assertThatThrownBy(() -> cache.decode("forged-a")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged-a")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void anExpiredCachedTokenGoesBackToTheVerifier() {
        Clock[] clock = {Clock.fixed(NOW, ZoneOffset.UTC)};
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        });
        cache.decode("token-a");
        clock[0] = Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC);

        cache.decode("token-a");

        assertThat(verifications).hasValue(2);
    }
}
