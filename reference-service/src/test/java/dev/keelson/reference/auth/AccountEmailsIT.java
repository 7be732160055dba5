package dev.keelson.reference.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Accounts;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.ServiceTest;
import dev.keelson.reference.testing.TestSmtp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccountEmailsIT extends ServiceTest {
    private static final Pattern CODE = Pattern.compile("^([A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

    @Autowired
    private JdbcClient jdbc;

    @Test
    void registrationSendsACodeThatVerifiesTheAddressOnce() {
        Session user = Accounts.newUnverifiedUser(api);
        assertThat(me(user).contains("\"emailVerified\":false")).isTrue();

        String code = codeIn(TestSmtp.bodiesFor(user.email(), 1));
        Reply verified = api.post("/api/v1/auth/verify-email")
                .json(Map.of("token", code))
                .send();
        Reply again = api.post("/api/v1/auth/verify-email")
                .json(Map.of("token", code))
                .send();

        assertThat(verified.status()).isEqualTo(204);
        assertThat(me(user)).contains("\"emailVerified\":true");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("type").asString()).endsWith("/invalid-email-token");
    }

    @Test
    void aPasswordResetSetsTheNewPasswordAndEndsEverySignIn() {
        Session user = api.newUser();
        TestSmtp.bodiesFor(user.email(), 1);

        Reply requested = api.post("/api/v1/auth/password-reset")
                .json(Map.of("email", user.email()))
                .send();
        assertThat(requested.status()).isEqualTo(202);
        List<String> mails = TestSmtp.bodiesFor(user.email(), 2);
        String code = codeIn(mails.subList(1, 2));

        Reply confirmed = api.post("/api/v1/auth/password-reset/confirm")
                .json(Map.of("token", code, "newPassword", "a brand new long password"))
                .send();

        assertThat(confirmed.status()).isEqualTo(204);
        assertThat(api.post("/api/v1/auth/refresh")
                        .json(Map.of("refreshToken", user.refreshToken()))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login")
                        .json(Map.of("email", user.email(), "password", user.password()))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(Accounts.login(api, user.email(), "a brand new long password")
                        .accessToken())
                .isNotBlank();
    }

    @Test
    void usingOneResetCodeSpendsEveryOtherOutstandingCodeOfTheAccount() {
        Session user = Accounts.newUnverifiedUser(api);
        String verification = codeIn(TestSmtp.bodiesFor(user.email(), 1));
        api.post("/api/v1/auth/password-reset")
                .json(Map.of("email", user.email()))
                .send();
        String older = codeIn(TestSmtp.bodiesFor(user.email(), 2).subList(1, 2));
        api.post("/api/v1/auth/password-reset")
                .json(Map.of("email", user.email()))
                .send();
        String newer = codeIn(TestSmtp.bodiesFor(user.email(), 3).subList(2, 3));

        Reply confirmed = api.post("/api/v1/auth/password-reset/confirm")
                .json(Map.of("token", newer, "newPassword", "a brand new long password"))
                .send();
        Reply olderAfter = api.post("/api/v1/auth/password-reset/confirm")
                .json(Map.of("token", older, "newPassword", "the attacker's own password"))
                .send();
        Reply verifyAfter = api.post("/api/v1/auth/verify-email")
                .json(Map.of("token", verification))
                .send();

        assertThat(confirmed.status()).isEqualTo(204);
        assertThat(olderAfter.status()).isEqualTo(400);
        assertThat(olderAfter.json().get("type").asString()).endsWith("/invalid-email-token");
        assertThat(verifyAfter.status()).isEqualTo(400);
        assertThat(Accounts.login(api, user.email(), "a brand new long password")
                        .accessToken())
                .isNotBlank();
    }

    @Test
    void aResetRequestForAnUnknownEmailLooksTheSameAndSendsNothing() {
        String unknown = "nobody-" + System.nanoTime() + "@example.com";
        Reply reply = api.post("/api/v1/auth/password-reset")
                .json(Map.of("email", unknown))
                .send();

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_emails WHERE recipient = ?")
                        .param(unknown)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSentEmailLeavesNoTokenInTheOutbox() {
        Session user = api.newUser();
        TestSmtp.bodiesFor(user.email(), 1);

        // the sender marks the row after the SMTP server took the message, so the row can lag the inbox a little
        Await.until(
                "the sent email's outbox row is marked sent and emptied",
                Duration.ofSeconds(10),
                () -> jdbc.sql(
                                        "SELECT count(*) FROM outbox_emails WHERE recipient = ? AND sent_at IS NOT NULL AND body IS NULL")
                                .param(user.email())
                                .query(Long.class)
                                .single()
                        == 1L);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_emails WHERE recipient = ? AND body IS NOT NULL")
                        .param(user.email())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aWrongResetCodeIsRefused() {
        Reply reply = api.post("/api/v1/auth/password-reset/confirm")
                .json(Map.of("token", "x".repeat(43), "newPassword", "a brand new long password"))
                .send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).endsWith("/invalid-email-token");
    }

    private String me(Session user) {
        return api.get("/api/v1/users/me").token(user.accessToken()).send().body();
    }

    private static String codeIn(List<String> bodies) {
        assertThat(bodies).isNotEmpty();
        Matcher m = CODE.matcher(bodies.getLast().replace("\r", ""));
        assertThat(m.find()).as(bodies.getLast()).isTrue();
        return m.group(1);
    }
}
