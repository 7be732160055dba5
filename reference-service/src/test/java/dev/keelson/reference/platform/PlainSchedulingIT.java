package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.ServiceTest;
import dev.keelson.reference.testing.TestSmtp;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service without background jobs: plain per-instance schedules purge expired rows and relay the outbox.
 */
@TestPropertySource(properties = "db-scheduler.enabled=false") // keelson:jobs
class PlainSchedulingIT extends ServiceTest {
    private final SecureRandom random = new SecureRandom();

    @Autowired
    private ApplicationContext context;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private PlainScheduling scheduling;
    // keelson:begin jobs

    @Test
    void withDbSchedulerOffNoSchedulerRuns() {
        assertThat(context.getBeanNamesForType(Scheduler.class)).isEmpty();
    }
    // keelson:end jobs

    @Test
    void thePurgeDeletesExpiredIdempotencyRecordsOnly() {
        UUID expired = idempotencyRecord(Instant.now().minus(Duration.ofDays(2)));
        UUID live = idempotencyRecord(Instant.now().plus(Duration.ofDays(2)));

        scheduling.purgeExpiredRows();

        assertThat(exists("idempotency_keys", expired)).isFalse();
        assertThat(exists("idempotency_keys", live)).isTrue();
    }
    // keelson:begin auth

    @Test
    void theRelaySendsACommittedEmailOnceAndClearsItsBody() {
        String recipient = "relay-" + UUID.randomUUID() + "@example.com";

        transactions.executeWithoutResult(tx -> context.getBean(Outbox.class)
                .enqueue(recipient, "Hello", "sent by the relay"));

        assertThat(TestSmtp.bodiesFor(recipient, 1)).hasSize(1).first().asString().contains("sent by the relay");
        Await.until("the email is marked sent", Duration.ofSeconds(10), () -> jdbc.sql("SELECT count(*) FROM "
                + "outbox_emails WHERE recipient = ? AND sent_at IS NOT NULL AND body IS NULL").param(recipient)
                .query(Long.class).single() == 1);
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
    // keelson:end auth

    private UUID idempotencyRecord(Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO idempotency_keys (id, scope, key_hash, request_hash, status, response, expires_at) "
                        + "VALUES (?, 'purge-test', ?, ?, 200, ?, ?)")
                .params(id, randomBytes(), randomBytes(), randomBytes(), expiresAt.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    private boolean exists(String table, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
