package dev.keelson.reference.auth;

import dev.keelson.reference.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues access tokens: ES256 JWTs with {@code kid}, {@code sub} (user id), {@code iat}, {@code exp}, {@code iss},
 * {@code aud}, {@code roles}, {@code email_verified} and {@code ver} (the account's token version, see
 * {@link RevocationCheck}).
 */
@Component
class AccessTokens {
    private final JwtEncoder encoder;
    private final JwtConfiguration.SigningKeys keys;
    private final AuthProperties properties;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, JwtConfiguration.SigningKeys keys, AuthProperties properties, Clock clock) {
        this.encoder = encoder;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    String issue(User user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim("roles", user.roles())
                .claim("email_verified", user.emailVerifiedAt() != null)
                .claim(RevocationCheck.VERSION_CLAIM, user.tokenVersion())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256)
                .keyId(keys.active().getKeyID())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    long ttlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }
}
