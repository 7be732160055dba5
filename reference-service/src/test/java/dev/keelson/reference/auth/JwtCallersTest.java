package dev.keelson.reference.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.platform.caller.Caller;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtCallersTest {
    private static final UUID USER = UUID.fromString("01a20069-d565-776e-bf10-992c1a2acfbf");

    @Test
    void claimsAsTheServiceSignsThemGiveTheCaller() {
        assertThat(JwtCallers.of(token(Map.of("roles", List.of("USER", "ADMIN"), "email_verified", true))))
                .isEqualTo(new Caller(USER, true, true));
        assertThat(JwtCallers.of(token(Map.of("roles", List.of("USER"), "email_verified", false))))
                .isEqualTo(new Caller(USER, false, false));
    }

    @Test
    void otherShapesOfTheClaimsAreReadAsSpringSecuritysConversionReadsThem() {
        assertThat(JwtCallers.of(token(Map.of("roles", "ADMIN", "email_verified", "true"))))
                .isEqualTo(new Caller(USER, true, true));
        assertThat(JwtCallers.of(token(Map.of("roles", Arrays.asList("USER", null, 7L, Map.of("ADMIN", 1))))))
                .isEqualTo(new Caller(USER, false, false));
        assertThat(JwtCallers.of(token(Map.of("email_verified", "yes")))).isEqualTo(new Caller(USER, false, false));
        assertThat(JwtCallers.of(token(Map.of()))).isEqualTo(new Caller(USER, false, false));
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("t")
                .header("alg", "ES256")
                .subject(USER.toString())
                .claims(c -> c.putAll(claims))
                .build();
    }
}
