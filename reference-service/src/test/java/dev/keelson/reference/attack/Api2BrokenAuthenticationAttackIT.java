package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.keelson.reference.testing.Accounts;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import dev.keelson.reference.testing.TestSmtp;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OWASP API2:2023, broken authentication: forged, unsigned, re-signed, expired and mislabelled access tokens; spent
 * refresh tokens and emailed codes used again, directly or replayed through {@code Idempotency-Key}; tokens that
 * outlive sign-out, a password reset, a role change or deletion; passwords an attacker guesses first. Every probe is
 * a real request to the running service. Guessing passwords fast is refused by the sign-in rate limit: see
 * {@link Api6UnrestrictedAccessToSensitiveBusinessFlowsAttackIT}, which runs with small limits.
 */
class Api2BrokenAuthenticationAttackIT extends ServiceTest {
    private static final Pattern CODE = Pattern.compile("^([A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

    @Autowired
    private ApplicationContext context;

    @Autowired
    private JdbcClient jdbc;

    // ---- forged access tokens

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() throws Exception {
        Session user = api.newUser();
        JWTClaimsSet claims = SignedJWT.parse(user.accessToken()).getJWTClaimsSet();
        String none = new PlainJWT(adminClaims(claims)).serialize();

        for (String token : new String[] {
            none,
            none + "AAAA",
            withHeader(user.accessToken(), "{\"alg\":\"none\"}"),
            withHeader(user.accessToken(), "{\"alg\":\"NONE\",\"kid\":\"x\"}")
        }) {
            assertRefused(token);
        }
    }

    @Test
    void aTokenSignedWithHs256UnderThePublicKeyIsRefused() throws Exception {
        Session user = api.newUser();
        SignedJWT real = SignedJWT.parse(user.accessToken());
        ECKey publicKey = signingKey().toECKey().toPublicJWK();
        for (byte[] secret : new byte[][] {
            publicKey.toJSONString().getBytes(StandardCharsets.UTF_8),
            publicKey.toECPublicKey().getEncoded(),
            sha256(publicKey.toJSONString())
        }) {
            SignedJWT forged = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(publicKey.getKeyID())
                            .build(),
                    adminClaims(real.getJWTClaimsSet()));
            forged.sign(new MACSigner(secret.length >= 32 ? secret : sha256(new String(secret))));
            assertRefused(forged.serialize());
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheRealKeyIdIsRefused() throws Exception {
        Session user = api.newUser();
        SignedJWT real = SignedJWT.parse(user.accessToken());
        ECKey attackers = new ECKeyGenerator(Curve.P_256)
                .keyID(real.getHeader().getKeyID())
                .generate();

        assertRefused(sign(attackers, real.getHeader().getKeyID(), adminClaims(real.getJWTClaimsSet())));
        assertRefused(sign(attackers, null, real.getJWTClaimsSet()));
    }

    @Test
    void aTokenWithAChangedPayloadAndTheOriginalSignatureIsRefused() throws Exception {
        Session user = api.newUser();
        String[] parts = user.accessToken().split("\\.");
        String payload = Base64URL.encode(
                        adminClaims(SignedJWT.parse(user.accessToken()).getJWTClaimsSet())
                                .toString())
                .toString();

        assertRefused(parts[0] + "." + payload + "." + parts[2]);
        assertRefused(parts[0] + "." + parts[1] + ".");
        assertRefused(parts[0] + "." + parts[1]);
        assertRefused(user.accessToken() + "x");
    }

    @Test
    void realKeySignedTokensWithAWrongKidExpiryIssuerOrAudienceAreRefused() throws Exception {
        Session user = api.newUser();
        JWTClaimsSet claims = SignedJWT.parse(user.accessToken()).getJWTClaimsSet();
        ECKey key = signingKey().toECKey();
        Instant past = Instant.now().minusSeconds(3600);

        assertThat(api.get("/api/v1/users/me")
                        .token(sign(key, key.getKeyID(), claims))
                        .send()
                        .status())
                .as("the control: the real key and the real claims")
                .isEqualTo(200);
        assertRefused(sign(key, "another-kid", claims));
        assertRefused(sign(
                key,
                key.getKeyID(),
                new JWTClaimsSet.Builder(claims)
                        .issueTime(Date.from(past.minusSeconds(900)))
                        .expirationTime(Date.from(past))
                        .build()));
        assertRefused(sign(
                key,
                key.getKeyID(),
                new JWTClaimsSet.Builder(claims).issuer("someone-else").build()));
        assertRefused(sign(
                key,
                key.getKeyID(),
                new JWTClaimsSet.Builder(claims).audience("another-api").build()));
        assertRefused(sign(
                key,
                key.getKeyID(),
                new JWTClaimsSet.Builder(claims)
                        .subject(UUID.randomUUID().toString())
                        .build()));
    }

    @Test
    void missingOrMalformedAuthorizationHeadersAre401() {
        for (String header : new String[] {
            "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer a.b.c", "bearer x", "Bearer " + "A".repeat(5000)
        }) {
            Reply reply =
                    api.get("/api/v1/orders").header("Authorization", header).send();
            assertThat(reply.status()).as(header).isIn(400, 401);
        }
        assertThat(api.get("/api/v1/orders").send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/orders?access_token=x").send().status()).isEqualTo(401);
    }

    // ---- refresh tokens and emailed codes used twice

    @Test
    void aSpentRefreshTokenAlwaysRevokesItsFamilyWithOrWithoutAnIdempotencyKey() {
        for (String key : new String[] {null, UUID.randomUUID().toString()}) {
            Session user = api.newUser();
            Reply first = refresh(user.refreshToken(), key);
            String next = first.json().at("/data/refreshToken").asString();

            Reply again = refresh(user.refreshToken(), key);

            assertThat(first.status()).isEqualTo(200);
            assertThat(again.status()).as("key %s", key).isEqualTo(401);
            assertThat(again.header("Idempotent-Replayed")).isNull();
            assertThat(again.json().get("type").asString()).endsWith("/refresh-token-reused");
            assertThat(refresh(next, null).status()).isEqualTo(401);
        }
    }

    @Test
    void noAuthenticationRequestIsReplayedOrStoredThroughAnIdempotencyKey() {
        Session user = api.newUser();
        String key = UUID.randomUUID().toString();
        Map<String, String> login = Map.of("email", user.email(), "password", user.password());
        Reply first = api.post("/api/v1/auth/login")
                .header("Idempotency-Key", key)
                .json(login)
                .send();
        Reply wrong = api.post("/api/v1/auth/login")
                .header("Idempotency-Key", key)
                .json(Map.of("email", user.email(), "password", "a wrong password here"))
                .send();
        Reply again = api.post("/api/v1/auth/login")
                .header("Idempotency-Key", key)
                .json(login)
                .send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(again.json().at("/data/refreshToken").asString())
                .isNotEqualTo(first.json().at("/data/refreshToken").asString());
        for (String path : new String[] {
            "/api/v1/auth/logout",
            "/api/v1/auth/password-reset",
            "/api/v1/auth/verify-email",
            "/api/v1/auth/register",
            "/api/v1/auth/password-reset/confirm"
        }) {
            api.post(path)
                    .header("Idempotency-Key", key)
                    .json(Map.of(
                            "refreshToken",
                            "x",
                            "email",
                            user.email(),
                            "token",
                            "x".repeat(43),
                            "password",
                            user.password(),
                            "displayName",
                            "x",
                            "newPassword",
                            "another long passphrase"))
                    .send();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE scope = 'anonymous'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void everyResetCodeIsSingleUseAndAllOutstandingOnesDieWhenOneIsUsed() {
        Session user = api.newUser();
        String first = resetCode(user.email(), 2);
        String second = resetCode(user.email(), 3);

        assertThat(confirm(second, "a first new passphrase").status()).isEqualTo(204);
        assertThat(confirm(second, "a second new passphrase").status()).isEqualTo(400);
        assertThat(confirm(first, "the attacker's passphrase").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/auth/login")
                        .json(Map.of("email", user.email(), "password", "the attacker's passphrase"))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(Accounts.login(api, user.email(), "a first new passphrase").accessToken())
                .isNotBlank();
    }

    @Test
    void aVerificationCodeWorksOnce() {
        Session user = Accounts.newUnverifiedUser(api);
        String code = lastCode(user.email(), 1);

        assertThat(api.post("/api/v1/auth/verify-email")
                        .json(Map.of("token", code))
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/auth/verify-email")
                        .json(Map.of("token", code))
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void codesAndRefreshTokensAreStoredOnlyAsHashes() {
        Session user = api.newUser();
        String code = resetCode(user.email(), 2);

        assertThat(jdbc.sql("SELECT count(*) FROM email_tokens WHERE encode(token_hash, 'escape') LIKE ?")
                        .param("%" + code + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM email_tokens WHERE token_hash = ?")
                        .param(sha256(code))
                        .query(Long.class)
                        .single())
                .as("a 256-bit code may be stored as its SHA-256")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE token_hash = ?")
                        .param(sha256(user.refreshToken()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    // ---- revocation takes effect at once

    @Test
    void signingOutRefusesTheAccessTokenAtOnce() {
        Session user = api.newUser();
        Session otherDevice = Accounts.login(api, user.email(), user.password());
        assertThat(me(user)).isEqualTo(200);

        assertThat(api.post("/api/v1/auth/logout")
                        .json(Map.of("refreshToken", user.refreshToken()))
                        .send()
                        .status())
                .isEqualTo(204);

        assertThat(me(user)).isEqualTo(401);
        assertThat(api.post("/api/v1/orders")
                        .token(user.accessToken())
                        .json(Map.of(
                                "currency",
                                "EUR",
                                "lines",
                                List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", "1.00"))))
                        .send()
                        .status())
                .isEqualTo(401);
        // the other sign-in goes on: its refresh token still works and gives a token that is accepted
        Reply refreshed = refresh(otherDevice.refreshToken(), null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me")
                        .token(refreshed.json().at("/data/accessToken").asString())
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPasswordResetRefusesEveryAccessAndRefreshTokenAtOnce() {
        Session user = api.newUser();
        Session otherDevice = Accounts.login(api, user.email(), user.password());
        assertThat(me(user)).isEqualTo(200);

        assertThat(confirm(resetCode(user.email(), 2), "a fresh long passphrase")
                        .status())
                .isEqualTo(204);

        assertThat(me(user)).isEqualTo(401);
        assertThat(me(otherDevice)).isEqualTo(401);
        assertThat(refresh(otherDevice.refreshToken(), null).status()).isEqualTo(401);
    }

    @Test
    void aDeletedUserCannotPlaceAnOrderAndADemotedAdminCannotListUsers() {
        Session admin = promote(api.newUser());
        Session demoted = promote(api.newUser());
        Session user = api.newUser();
        assertThat(api.get("/api/v1/users").token(demoted.accessToken()).send().status())
                .isEqualTo(200);

        assertThat(api.delete("/api/v1/users/" + id(user))
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(api.patch("/api/v1/users/" + id(demoted) + "/roles")
                        .token(admin.accessToken())
                        .json(Map.of("roles", List.of("USER")))
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(api.post("/api/v1/orders")
                        .token(user.accessToken())
                        .json(Map.of(
                                "currency",
                                "EUR",
                                "lines",
                                List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", "1.00"))))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(refresh(user.refreshToken(), null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users").token(demoted.accessToken()).send().status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/users")
                        .token(Accounts.login(api, demoted.email(), demoted.password())
                                .accessToken())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndEndsEverySignInAndCode() {
        Session user = api.newUser();
        Session otherDevice = Accounts.login(api, user.email(), user.password());
        String outstanding = resetCode(user.email(), 2);

        assertThat(change(null, user.password(), "a changed long passphrase").status())
                .isEqualTo(401);
        Reply wrong = change(user.accessToken(), "not my password at all", "a changed long passphrase");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("type").asString()).endsWith("/bad-credentials");
        assertThat(change(user.accessToken(), user.password(), "aaaaaaaaaaaa").status())
                .isEqualTo(400);
        assertThat(me(user)).as("a refused change ends nothing").isEqualTo(200);
        Reply changed = change(user.accessToken(), user.password(), "a changed long passphrase");

        assertThat(changed.status()).isEqualTo(204);
        assertThat(me(user)).isEqualTo(401);
        assertThat(me(otherDevice)).isEqualTo(401);
        assertThat(refresh(user.refreshToken(), null).status()).isEqualTo(401);
        assertThat(refresh(otherDevice.refreshToken(), null).status()).isEqualTo(401);
        assertThat(confirm(outstanding, "the attacker's passphrase").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/auth/login")
                        .json(Map.of("email", user.email(), "password", user.password()))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(Accounts.login(api, user.email(), "a changed long passphrase")
                        .accessToken())
                .isNotBlank();
    }

    // ---- passwords

    @Test
    void weakPasswordsAreRefusedAtRegistrationAndReset() {
        String email = "weak-" + UUID.randomUUID() + "@example.com";
        for (String weak : new String[] {
            "aaaaaaaaaaaa",
            "password1234",
            "Password123!",
            "qwertyuiop12",
            "abcdefghijkl",
            "123456789012",
            email,
            "my " + email.substring(0, email.indexOf('@')) + " key",
            "short"
        }) {
            Reply reply = api.post("/api/v1/auth/register")
                    .json(Map.of("email", email, "password", weak, "displayName", "Weak"))
                    .send();
            assertThat(reply.status()).as(weak).isEqualTo(400);
            assertThat(reply.json().get("detail").asString()).as(weak).startsWith("password: ");
        }
        Session user = api.newUser();
        String code = resetCode(user.email(), 2);
        assertThat(confirm(code, "aaaaaaaaaaaa").status()).isEqualTo(400);
        assertThat(confirm(code, user.email() + " is mine").status()).isEqualTo(400);
        assertThat(confirm(code, "a sound new passphrase").status())
                .as("a refused password leaves the code unspent")
                .isEqualTo(204);
    }

    @Test
    void longUnicodePasswordsWithSpacesAreAcceptedAndSignInWhateverTheirNormalForm() {
        String email = "unicode-" + UUID.randomUUID() + "@example.com";
        String password = "ﬁne ｐａｓｓ phrase 🐙 with spaces " + "é".repeat(60);
        Reply registered = api.post("/api/v1/auth/register")
                .json(Map.of("email", email, "password", password, "displayName", "Unicode"))
                .send();

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(Accounts.login(api, email, password).accessToken()).isNotBlank();
        assertThat(Accounts.login(api, email, java.text.Normalizer.normalize(password, java.text.Normalizer.Form.NFKC))
                        .accessToken())
                .isNotBlank();
    }

    private void assertRefused(String token) {
        for (String path : new String[] {"/api/v1/users/me", "/api/v1/orders", "/api/v1/users"}) {
            Reply reply = api.get(path).token(token).send();
            assertThat(reply.status()).as("%s with %s", path, token).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    private int me(Session user) {
        return api.get("/api/v1/users/me").token(user.accessToken()).send().status();
    }

    private String id(Session user) {
        return api.get("/api/v1/users/me")
                .token(user.accessToken())
                .send()
                .json()
                .at("/data/id")
                .asString();
    }

    private Session promote(Session user) {
        jdbc.sql("UPDATE users SET roles = ARRAY['ADMIN','USER'] WHERE email = ?")
                .param(user.email())
                .update();
        return Accounts.login(api, user.email(), user.password());
    }

    private Reply refresh(String token, String idempotencyKey) {
        var call = api.post("/api/v1/auth/refresh").json(Map.of("refreshToken", token));
        return idempotencyKey == null
                ? call.send()
                : call.header("Idempotency-Key", idempotencyKey).send();
    }

    private Reply change(String accessToken, String current, String newPassword) {
        return api.post("/api/v1/auth/password-change")
                .token(accessToken)
                .json(Map.of("currentPassword", current, "newPassword", newPassword))
                .send();
    }

    private Reply confirm(String code, String newPassword) {
        return api.post("/api/v1/auth/password-reset/confirm")
                .json(Map.of("token", code, "newPassword", newPassword))
                .send();
    }

    /** Requests a reset and returns its code, the {@code nth} email the address has received. */
    private String resetCode(String email, int nth) {
        assertThat(api.post("/api/v1/auth/password-reset")
                        .json(Map.of("email", email))
                        .send()
                        .status())
                .isEqualTo(202);
        return lastCode(email, nth);
    }

    private static String lastCode(String email, int count) {
        List<String> bodies = TestSmtp.bodiesFor(email, count);
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(count);
        Matcher m = CODE.matcher(bodies.get(count - 1).replace("\r", ""));
        assertThat(m.find()).as(bodies.get(count - 1)).isTrue();
        return m.group(1);
    }

    /** The service's signing key (the test reads the bean: an attacker never has it, which is the point). */
    private JWK signingKey() throws Exception {
        Object keys = context.getBean("signingKeys");
        Method active = keys.getClass().getDeclaredMethod("active");
        active.setAccessible(true);
        return (JWK) active.invoke(keys);
    }

    private static JWTClaimsSet adminClaims(JWTClaimsSet claims) {
        return new JWTClaimsSet.Builder(claims)
                .claim("roles", List.of("USER", "ADMIN"))
                .expirationTime(Date.from(Instant.now().plusSeconds(36_000)))
                .build();
    }

    private static String sign(ECKey key, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(kid)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static String withHeader(String token, String headerJson) {
        String[] parts = token.split("\\.");
        return Base64URL.encode(headerJson).toString() + "." + parts[1] + "." + parts[2];
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
