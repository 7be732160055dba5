package dev.keelson.reference.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.PlainSchedules;
import dev.keelson.reference.testing.ServiceTest;
import dev.keelson.reference.testing.TestSmtp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** The service without background jobs: a plain per-instance schedule relays the outbox. */
@ContextConfiguration(initializers = PlainSchedules.class)
class OutboxRelayIT extends ServiceTest {
    @Autowired
    private ApplicationContext context;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void theRelaySendsACommittedEmailOnceAndClearsItsBody() {
        String recipient = "relay-" + UUID.randomUUID() + "@example.com";

        transactions.executeWithoutResult(
                tx -> context.getBean(Outbox.class).enqueue(recipient, "Hello", "sent by the relay"));

        assertThat(TestSmtp.bodiesFor(recipient, 1))
                .hasSize(1)
                .first()
                .asString()
                .contains("sent by the relay");
        Await.until(
                "the email is marked sent",
                Duration.ofSeconds(10),
                () -> jdbc.sql("SELECT count(*) FROM "
                                        + "outbox_emails WHERE recipient = ? AND sent_at IS NOT NULL AND body IS NULL")
                                .param(recipient)
                                .query(Long.class)
                                .single()
                        == 1);
        sleep(Duration.ofSeconds(3)); // a relay run or two later
        assertThat(TestSmtp.bodiesNow(recipient)).hasSize(1);
    }

    @Test
    void aRolledBackChangeSendsNoEmail() {
        String recipient = "relay-rollback-" + UUID.randomUUID() + "@example.com";

        try {
            transactions.executeWithoutResult(tx -> {
                context.getBean(Outbox.class).enqueue(recipient, "Never", "this change fails after queuing it");
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the email went with the change
        }
        sleep(Duration.ofSeconds(3));

        assertThat(TestSmtp.bodiesNow(recipient)).isEmpty();
    }

    @Test
    void theRetryWaitDoublesUpToAnHour() {
        assertThat(OutboxRelay.retryAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OutboxRelay.retryAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(OutboxRelay.retryAfter(40)).isEqualTo(Duration.ofHours(1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
