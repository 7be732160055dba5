package dev.keelson.reference.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency keys with sign-in: each user's keys are their own, so users cannot replay each other's responses. */
class PerUserIdempotencyIT extends PlacedOrders {
    @Test
    void keysBelongToTheirUserSoTheSameKeyOfAnotherUserRunsItsOwnRequest() {
        Session one = api.newUser();
        Session two = api.newUser();
        String key = UUID.randomUUID().toString();

        Reply first = placeOrder(one, key, ORDER).send();
        Reply second = placeOrder(two, key, ORDER).send();

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.json().at("/data/id").asString())
                .isNotEqualTo(first.json().at("/data/id").asString());
        assertThat(ordersPlaced()).isEqualTo(2);
    }

    @Test
    void authenticationRequestsIgnoreTheKeyAndLeaveNoRecord() {
        String email = "idem-" + UUID.randomUUID() + "@example.com";
        Map<String, String> body =
                Map.of("email", email, "password", "correct horse battery staple", "displayName", "Retry");
        String key = UUID.randomUUID().toString();

        Reply first = api.post("/api/v1/auth/register")
                .header("Idempotency-Key", key)
                .json(body)
                .send();
        Reply retry = api.post("/api/v1/auth/register")
                .header("Idempotency-Key", key)
                .json(body)
                .send();
        Reply login = api.post("/api/v1/auth/login")
                .header("Idempotency-Key", key)
                .json(Map.of("email", email, "password", "correct horse battery staple"))
                .send();
        Reply loginAgain = api.post("/api/v1/auth/login")
                .header("Idempotency-Key", key)
                .json(Map.of("email", email, "password", "correct horse battery staple"))
                .send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(login.status()).isEqualTo(200);
        assertThat(loginAgain.header("Idempotent-Replayed")).isNull();
        assertThat(loginAgain.json().at("/data/refreshToken").asString())
                .isNotEqualTo(login.json().at("/data/refreshToken").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE scope = 'anonymous'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSpentRefreshTokenSentAgainWithItsFirstKeyTripsReuseDetection() {
        Session user = api.newUser();
        String key = UUID.randomUUID().toString();
        Reply first = api.post("/api/v1/auth/refresh")
                .header("Idempotency-Key", key)
                .json(Map.of("refreshToken", user.refreshToken()))
                .send();
        String next = first.json().at("/data/refreshToken").asString();

        Reply replayed = api.post("/api/v1/auth/refresh")
                .header("Idempotency-Key", key)
                .json(Map.of("refreshToken", user.refreshToken()))
                .send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.json().get("type").asString()).endsWith("/refresh-token-reused");
        assertThat(replayed.body()).doesNotContain(next);
        assertThat(api.post("/api/v1/auth/refresh")
                        .json(Map.of("refreshToken", next))
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theStoredFingerprintIsKeyedNotAPlainHashOfTheRequest() throws Exception {
        Session user = api.newUser();
        String key = UUID.randomUUID().toString();
        Reply patched = api.patch("/api/v1/users/me")
                .token(user.accessToken())
                .header("Idempotency-Key", key)
                .json("{\"displayName\":\"Fingerprinted\"}")
                .send();
        assertThat(patched.status()).isEqualTo(200);

        byte[] stored = jdbc.sql("SELECT request_hash FROM idempotency_keys WHERE scope = ?")
                .param("user:" + patched.json().at("/data/id").asString())
                .query(byte[].class)
                .single();
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        for (String part : new String[] {"PATCH", "/api/v1/users/me", "null", "null"}) {
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        byte[] plain = sha256.digest("{\"displayName\":\"Fingerprinted\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(stored).hasSize(32).isNotEqualTo(plain);
    }

    @Test
    void aChangeCommittedOnPurposeBeforeA4xxSurvivesWithAKey() {
        Session user = api.newUser();
        String stolen = user.refreshToken();
        String next = api.post("/api/v1/auth/refresh")
                .json(Map.of("refreshToken", stolen))
                .send()
                .json()
                .at("/data/refreshToken")
                .asString();

        Reply reuse = api.post("/api/v1/auth/refresh")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("refreshToken", stolen))
                .send();

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().get("type").asString()).endsWith("/refresh-token-reused");
        // the family was revoked although the answer was an error: the next token no longer works
        assertThat(api.post("/api/v1/auth/refresh")
                        .json(Map.of("refreshToken", next))
                        .send()
                        .status())
                .isEqualTo(401);
    }
}
