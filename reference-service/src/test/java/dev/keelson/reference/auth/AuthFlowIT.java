package dev.keelson.reference.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.keelson.reference.testing.Accounts;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthFlowIT extends ServiceTest {

    @Test
    void registeringReturnsTheAccountWithoutItsPassword() {
        Reply reply = api.post("/api/v1/auth/register")
                .json(Map.of(
                        "email",
                        "Ada." + System.nanoTime() + "@Example.com",
                        "password",
                        "a long enough password",
                        "displayName",
                        "Ada"))
                .send();

        assertThat(reply.status()).isEqualTo(201);
        JsonNode data = reply.json().get("data");
        assertThat(data.get("email").asString()).startsWith("ada.").endsWith("@example.com");
        assertThat(reply.body()).doesNotContain("password");
    }

    @Test
    void registeringATakenEmailIsAConflict() {
        Session user = api.newUser();
        Reply reply = api.post("/api/v1/auth/register")
                .json(Map.of(
                        "email", user.email().toUpperCase(), "password", "another long password", "displayName", "X"))
                .send();

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("type").asString()).endsWith("/email-taken");
    }

    @Test
    void theAccessTokenIsAnEs256JwtWithKeyIdAndTheStandardClaims() throws Exception {
        Session user = api.newUser();
        SignedJWT jwt = SignedJWT.parse(user.accessToken());

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("reference-service");
        assertThat(claims.getAudience()).containsExactly("reference-service-api");
        assertThat(claims.getStringListClaim("roles")).containsExactly("USER");
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    }

    @Test
    void theAccessTokenOpensTheCallersAccount() {
        Session user = api.newUser();
        Reply me = api.get("/api/v1/users/me").token(user.accessToken()).send();

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().at("/data/email").asString()).isEqualTo(user.email());
        assertThat(me.body()).doesNotContain("passwordHash").doesNotContain("argon2");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        Session user = api.newUser();
        Reply wrongPassword = api.post("/api/v1/auth/login")
                .json(Map.of("email", user.email(), "password", "not the password at all"))
                .send();
        Reply unknownEmail = api.post("/api/v1/auth/login")
                .json(Map.of("email", "nobody-" + System.nanoTime() + "@example.com", "password", "whatever it is"))
                .send();

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail"))
                .isEqualTo(unknownEmail.json().get("detail"));
        assertThat(wrongPassword.json().get("type"))
                .isEqualTo(unknownEmail.json().get("type"));
    }

    @Test
    void refreshingRotatesTheRefreshToken() {
        Session user = api.newUser();
        Reply refreshed = refresh(user.refreshToken());

        assertThat(refreshed.status()).isEqualTo(200);
        String next = refreshed.json().at("/data/refreshToken").asString();
        assertThat(next).isNotEqualTo(user.refreshToken());
        assertThat(refresh(next).status()).isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        Session user = api.newUser();
        String stolen = user.refreshToken();
        String legitimateNext = refresh(stolen).json().at("/data/refreshToken").asString();

        Reply reuse = refresh(stolen);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().get("type").asString()).endsWith("/refresh-token-reused");

        Reply afterRevocation = refresh(legitimateNext);
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(afterRevocation.json().get("type").asString()).endsWith("/invalid-refresh-token");
    }

    @Test
    void reuseRevokesOnlyThatSignInNotTheUsersOtherSessions() {
        Session first = api.newUser();
        Session second = Accounts.login(api, first.email(), first.password());
        refresh(first.refreshToken());
        refresh(first.refreshToken());

        assertThat(refresh(second.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSignIn() {
        Session user = api.newUser();
        Reply logout = api.post("/api/v1/auth/logout")
                .json(Map.of("refreshToken", user.refreshToken()))
                .send();

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(user.refreshToken()).status()).isEqualTo(401);
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        Reply reply = refresh("not-a-token-we-ever-issued");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("type").asString()).endsWith("/invalid-refresh-token");
    }

    private Reply refresh(String token) {
        return api.post("/api/v1/auth/refresh")
                .json(Map.of("refreshToken", token))
                .send();
    }
}
