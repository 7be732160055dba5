package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Accounts;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OWASP API3:2023, broken object property level authorization: mass assignment (a client setting its own role,
 * owner, id, verification, status, version or totals by adding fields) and excessive data exposure (a password hash,
 * token or internal column in any response). Every probe is a real request to the running service.
 */
class Api3BrokenObjectPropertyLevelAuthorizationAttackIT extends ServiceTest {
    /** What no response may ever hold. */
    private static final List<String> SECRETS = List.of(
            "$argon2",
            "passwordHash",
            "password_hash",
            "tokenVersion",
            "token_version",
            "deletedAt",
            "deleted_at",
            "tokenHash",
            "token_hash",
            "refresh_token",
            "\"ver\"",
            "correct horse battery staple",
            "SQLState",
            "Exception",
            "at dev.keelson");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void registrationIgnoresRoleIdVerificationAndVersionFields() {
        String email = "mass-" + UUID.randomUUID() + "@example.com";
        UUID chosenId = UUID.randomUUID();
        Reply reply = api.post("/api/v1/auth/register")
                .json(Map.of(
                        "email",
                        email,
                        "password",
                        "correct horse battery staple",
                        "displayName",
                        "Mass",
                        "roles",
                        List.of("ADMIN"),
                        "role",
                        "ADMIN",
                        "id",
                        chosenId.toString(),
                        "emailVerified",
                        true,
                        "emailVerifiedAt",
                        "2020-01-01T00:00:00Z",
                        "tokenVersion",
                        99,
                        "deletedAt",
                        "2020-01-01T00:00:00Z"))
                .send();

        assertThat(reply.status()).isIn(201, 400);
        Map<String, Object> row = jdbc.sql("SELECT id, roles::text AS roles, email_verified_at, token_version, "
                        + "deleted_at FROM users WHERE email = ?")
                .param(email)
                .query()
                .singleRow();
        assertThat(row.get("id")).isNotEqualTo(chosenId);
        assertThat(row.get("roles")).isEqualTo("{USER}");
        assertThat(row.get("email_verified_at")).isNull();
        assertThat(row.get("token_version")).isEqualTo(0);
        assertThat(row.get("deleted_at")).isNull();
        assertNoSecrets(reply);
    }

    @Test
    void aPatchOfOnesOwnAccountChangesOnlyTheDisplayName() {
        Session user = Accounts.newUnverifiedUser(api);
        Reply patched = api.patch("/api/v1/users/me")
                .token(user.accessToken())
                .json(Map.of(
                        "displayName",
                        "New",
                        "roles",
                        List.of("ADMIN"),
                        "email",
                        "taken-over@example.com",
                        "emailVerified",
                        true,
                        "id",
                        UUID.randomUUID().toString(),
                        "password",
                        "another long passphrase"))
                .send();

        assertThat(patched.status()).isIn(200, 400);
        Reply me = api.get("/api/v1/users/me").token(user.accessToken()).send();
        assertThat(me.json().at("/data/roles").toString()).isEqualTo("[\"USER\"]");
        assertThat(me.json().at("/data/email").asString()).isEqualTo(user.email());
        assertThat(me.json().at("/data/emailVerified").asBoolean()).isFalse();
        assertThat(Accounts.login(api, user.email(), user.password()).accessToken())
                .isNotBlank();
        assertNoSecrets(patched);
        assertNoSecrets(me);
    }

    @Test
    void anOrderIgnoresOwnerIdStatusVersionAndTotalsSentWithIt() {
        Session victim = api.newUser();
        Session attacker = api.newUser();
        String victimId = api.get("/api/v1/users/me")
                .token(victim.accessToken())
                .send()
                .json()
                .at("/data/id")
                .asString();
        UUID chosenId = UUID.randomUUID();

        Reply placed = api.post("/api/v1/orders")
                .token(attacker.accessToken())
                .json(Map.of(
                        "currency",
                        "EUR",
                        "lines",
                        List.of(Map.of("product", "Tea", "quantity", 2, "unitPrice", "1.50", "lineTotal", "0.01")),
                        "userId",
                        victimId,
                        "ownerId",
                        victimId,
                        "id",
                        chosenId.toString(),
                        "status",
                        "SHIPPED",
                        "version",
                        42,
                        "total",
                        "0.01"))
                .send();

        assertThat(placed.status()).isIn(201, 400);
        if (placed.status() == 201) {
            assertThat(placed.json().at("/data/id").asString()).isNotEqualTo(chosenId.toString());
            assertThat(placed.json().at("/data/status").asString()).isEqualTo("PLACED");
            assertThat(placed.json().at("/data/version").asInt()).isEqualTo(1);
            assertThat(placed.json().at("/data/total").asString()).isEqualTo("3.00");
            assertThat(placed.json().at("/data/lines/0/lineTotal").asString()).isEqualTo("3.00");
        }
        assertThat(api.get("/api/v1/orders").token(victim.accessToken()).send().body())
                .doesNotContain("Tea");
        Reply patched = api.patch(
                        "/api/v1/orders/" + placed.json().at("/data/id").asString())
                .token(attacker.accessToken())
                .header("If-Match", "\"1\"")
                .json(Map.of("note", "x", "status", "SHIPPED", "userId", victimId, "total", "0.00"))
                .send();
        assertThat(patched.status()).isIn(200, 400);
        Reply after = api.get("/api/v1/orders/" + placed.json().at("/data/id").asString())
                .token(attacker.accessToken())
                .send();
        assertThat(after.json().at("/data/status").asString()).isEqualTo("PLACED");
        assertThat(after.json().at("/data/total").asString()).isEqualTo("3.00");
    }

    @Test
    void noResponseExposesAPasswordHashTokenHashOrInternalColumn() {
        Session user = api.newUser();
        Session admin = api.newUser();
        jdbc.sql("UPDATE users SET roles = ARRAY['ADMIN','USER'] WHERE email = ?")
                .param(admin.email())
                .update();
        String adminToken = Accounts.login(api, admin.email(), admin.password()).accessToken();
        String order = api.post("/api/v1/orders")
                .token(user.accessToken())
                .json(Map.of(
                        "currency",
                        "EUR",
                        "lines",
                        List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", "1.00"))))
                .send()
                .json()
                .at("/data/id")
                .asString();

        for (Reply reply : List.of(
                api.get("/api/v1/users/me").token(user.accessToken()).send(),
                api.get("/api/v1/users").token(adminToken).send(),
                api.get("/api/v1/users?limit=100").token(adminToken).send(),
                api.get("/api/v1/orders").token(user.accessToken()).send(),
                api.get("/api/v1/orders/" + order).token(user.accessToken()).send(),
                api.get("/api/v1/orders/" + order).token(adminToken).send(),
                api.post("/api/v1/auth/register")
                        .json(Map.of(
                                "email",
                                user.email(),
                                "password",
                                "correct horse battery staple",
                                "displayName",
                                "Dup"))
                        .send(),
                api.post("/api/v1/auth/login")
                        .json(Map.of("email", user.email(), "password", "wrong password!!"))
                        .send())) {
            assertNoSecrets(reply);
        }
        Reply list = api.get("/api/v1/users?limit=100").token(adminToken).send();
        list.json()
                .get("data")
                .forEach(u -> assertThat(u.propertyNames())
                        .containsExactlyInAnyOrder(
                                "id", "email", "emailVerified", "displayName", "roles", "createdAt"));
    }

    @Test
    void theSignInAnswerHoldsOnlyTheTokensAndTheAccessTokenOnlyItsClaims() throws Exception {
        Session user = api.newUser();
        Reply login = api.post("/api/v1/auth/login")
                .json(Map.of("email", user.email(), "password", user.password()))
                .send();

        assertThat(login.json().get("data").propertyNames())
                .containsExactlyInAnyOrder("accessToken", "tokenType", "expiresIn", "refreshToken");
        var claims = com.nimbusds.jwt.SignedJWT.parse(
                        login.json().at("/data/accessToken").asString())
                .getJWTClaimsSet()
                .getClaims()
                .keySet();
        assertThat(claims)
                .containsExactlyInAnyOrder("iss", "aud", "sub", "iat", "exp", "roles", "email_verified", "ver");
    }

    private static void assertNoSecrets(Reply reply) {
        for (String secret : SECRETS) {
            assertThat(reply.body()).as("a %d response", reply.status()).doesNotContainIgnoringCase(secret);
        }
    }
}
