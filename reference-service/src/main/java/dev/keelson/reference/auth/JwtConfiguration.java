package dev.keelson.reference.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.keelson.reference.platform.settings.InvalidSettingException;
import dev.keelson.reference.user.Users;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The keys and codecs of access tokens: Spring Security's Nimbus encoder and decoder over one JWK set. Every key in
 * the set verifies; the active one signs. To rotate: add the new key to {@code reference.auth.jwks}, deploy, make it
 * active, deploy, and drop the old one once the longest access-token lifetime has passed.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {
    private static final Logger log = LoggerFactory.getLogger(JwtConfiguration.class);

    @Bean
    SigningKeys signingKeys(AuthProperties properties) {
        return properties.jwks().isBlank()
                ? generated()
                : SigningKeys.parse(properties.jwks(), properties.activeKeyId());
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.active())));
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, AuthProperties properties, Clock clock, Users users) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys.verification())));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience()))));
        return new RevocationCheck(new VerifiedTokenCache(decoder, clock), users);
    }

    /** Argon2id with Spring Security's current recommended cost (16 MB, 2 iterations). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    private static SigningKeys generated() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            log.warn("No reference.auth.jwks configured: signing with a key generated now. Tokens stop working "
                    + "when the process stops; configure REFERENCE_AUTH_JWKS in production");
            return new SigningKeys(key, new JWKSet(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an EC P-256 key", e);
        }
    }

    /** The signing key and the set that verifies. */
    record SigningKeys(JWK active, JWKSet all) {
        private static final String JWKS = "reference.auth.jwks";

        static SigningKeys parse(String json, String activeKeyId) {
            JWKSet set;
            try {
                set = JWKSet.parse(json);
            } catch (ParseException e) {
                throw new InvalidSettingException(JWKS, "is not a JWK set (JSON with \"keys\"): " + e.getMessage(), e);
            }
            if (set.getKeys().isEmpty()) {
                throw new InvalidSettingException(JWKS, "has no keys: add an EC P-256 private key with a kid");
            }
            JWK active = activeKeyId.isBlank() ? set.getKeys().getFirst() : set.getKeyByKeyId(activeKeyId);
            if (active == null) {
                throw new InvalidSettingException(
                        "reference.auth.active-key-id", "'" + activeKeyId + "' names no key in " + JWKS);
            }
            if (!(active instanceof ECKey ec)
                    || !ec.isPrivate()
                    || !Curve.P_256.equals(ec.getCurve())
                    || ec.getKeyID() == null) {
                throw new InvalidSettingException(
                        JWKS,
                        "the active key '" + active.getKeyID() + "' must be an EC "
                                + "P-256 private key with a kid (ES256)");
            }
            return new SigningKeys(active, set);
        }

        JWKSet verification() {
            return all.toPublicJWKSet();
        }
    }
}
