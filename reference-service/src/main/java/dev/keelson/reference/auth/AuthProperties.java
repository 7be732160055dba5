package dev.keelson.reference.auth;

import dev.keelson.reference.platform.settings.InvalidSettingException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reference.auth.*}, checked at start-up.
 *
 * @param issuer          the {@code iss} of issued tokens and the only one accepted
 * @param audience        the {@code aud} of issued tokens and the only one accepted
 * @param accessTokenTtl  lifetime of an access token (15 minutes)
 * @param refreshTokenTtl lifetime of a refresh token family's newest token (30 days)
 * @param jwks            a JWK set (JSON) of EC P-256 private keys; all verify, {@code activeKeyId} signs.
 *                        Empty: a key is generated at start-up (development only: tokens die with the process)
 * @param activeKeyId     the {@code kid} that signs new tokens; empty means the first key of {@code jwks}
 */
@Validated
@ConfigurationProperties("reference.auth")
record AuthProperties(
        @DefaultValue("reference-service") @NotBlank String issuer,
        @DefaultValue("reference-service-api") @NotBlank String audience,
        @DefaultValue("15m") @NotNull Duration accessTokenTtl,
        @DefaultValue("30d") @NotNull Duration refreshTokenTtl,
        @DefaultValue("") String jwks,
        @DefaultValue("") String activeKeyId) {
    AuthProperties {
        if (accessTokenTtl != null && (accessTokenTtl.isNegative() || accessTokenTtl.toSeconds() < 1)) {
            throw new InvalidSettingException(
                    "reference.auth.access-token-ttl",
                    "must be at least 1s, such as 15m, but is " + DurationStyle.SIMPLE.print(accessTokenTtl));
        }
        if (accessTokenTtl != null && refreshTokenTtl != null && refreshTokenTtl.compareTo(accessTokenTtl) <= 0) {
            throw new InvalidSettingException(
                    "reference.auth.refresh-token-ttl",
                    "must be longer than "
                            + "reference.auth.access-token-ttl (" + DurationStyle.SIMPLE.print(accessTokenTtl)
                            + "), such as 30d, "
                            + "but is " + DurationStyle.SIMPLE.print(refreshTokenTtl));
        }
    }
}
