package dev.keelson.reference.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.keelson.reference.auth.Outbox;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.PurgeableRows;
import dev.keelson.reference.testing.ServiceTest;
import dev.keelson.reference.testing.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Auth's background jobs: an email's job, written with the change that queued it, and the refresh-token purge. */
class AuthJobsIT extends ServiceTest {

    @Autowired
    private JdbcClient jdbc;

    private PurgeableRows rows;

    @Autowired
    private Outbox outbox;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private Scheduler scheduler;

    private long jobsFor(String recipient) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks t JOIN outbox_emails e ON t.task_instance = e.id::text "
                        + "WHERE t.task_name = 'send-email' AND e.recipient = ?")
                .param(recipient)
                .query(Long.class)
                .single();
    }

    @BeforeEach
    void rows() {
        rows = new PurgeableRows(jdbc);
    }

    @Test
    void anEmailAndItsJobAreWrittenInTheTransactionOfTheChangeOrNotAtAll() {
        String rolledBack = "rollback-" + UUID.randomUUID() + "@example.com";

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    outbox.enqueue(rolledBack, "Never", "this change fails after queuing the email");
                    throw new IllegalStateException("the change failed");
                }))
                .hasMessage("the change failed");

        assertThat(jdbc.sql("SELECT count(*) FROM outbox_emails WHERE recipient = ?")
                        .param(rolledBack)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jobsFor(rolledBack)).isZero();
    }

    @Test
    void aCommittedEmailIsSentOnceByItsJobAndLeavesNoJobBehind() {
        String recipient = "job-" + UUID.randomUUID() + "@example.com";

        transactions.executeWithoutResult(tx -> outbox.enqueue(recipient, "Hello", "sent by a job"));

        assertThat(TestSmtp.bodiesFor(recipient, 1))
                .hasSize(1)
                .first()
                .asString()
                .contains("sent by a job");
        Await.until("the job finished", Duration.ofSeconds(10), () -> jobsFor(recipient) == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_emails WHERE recipient = ? AND sent_at IS NOT NULL "
                                + "AND body IS NULL")
                        .param(recipient)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aJobRunAgainForAnEmailAlreadySentSendsNothing() {
        String recipient = "again-" + UUID.randomUUID() + "@example.com";
        transactions.executeWithoutResult(tx -> outbox.enqueue(recipient, "Once", "only once"));
        TestSmtp.bodiesFor(recipient, 1);
        UUID id = jdbc.sql("SELECT id FROM outbox_emails WHERE recipient = ?")
                .param(recipient)
                .query(UUID.class)
                .single();
        Await.until("the first job finished", Duration.ofSeconds(10), () -> jobsFor(recipient) == 0);

        // as after a crash between sending and completing: the same job runs a second time
        assertThat(scheduler.scheduleIfNotExists(new TaskInstance<Void>("send-email", id.toString()), Instant.now()))
                .isTrue();
        Await.until("the second run finished", Duration.ofSeconds(10), () -> jobsFor(recipient) == 0);

        assertThat(TestSmtp.bodiesFor(recipient, 2)).hasSize(1);
    }

    @Test
    void thePurgeJobDeletesFinishedTokenFamiliesOnly() {
        Instant past = Instant.now().minus(Duration.ofDays(2));
        Instant future = Instant.now().plus(Duration.ofDays(2));
        Session user = api.newUser();
        UUID userId = UUID.fromString(api.get("/api/v1/users/me")
                .token(user.accessToken())
                .send()
                .json()
                .at("/data/id")
                .asString());
        UUID over = UUID.randomUUID();
        UUID expiredOfOver = token(over, userId, past, past);
        UUID lastOfOver = token(over, userId, past, null);
        UUID alive = UUID.randomUUID();
        UUID usedOfAlive = token(alive, userId, past, past);
        UUID currentOfAlive = token(alive, userId, future, null);

        scheduler.reschedule(TaskInstanceId.of("purge-expired", "recurring"), Instant.now());

        Await.until("the purge ran", Duration.ofSeconds(20), () -> !rows.exists("refresh_tokens", lastOfOver));
        assertThat(rows.exists("refresh_tokens", expiredOfOver)).isFalse();
        assertThat(rows.exists("refresh_tokens", usedOfAlive))
                .as("reuse of it must still burn the family")
                .isTrue();
        assertThat(rows.exists("refresh_tokens", currentOfAlive)).isTrue();
    }

    private UUID token(UUID family, UUID user, Instant expiresAt, Instant usedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at, used_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, family, user, rows.randomBytes(), PurgeableRows.utc(expiresAt), PurgeableRows.utc(usedAt))
                .update();
        return id;
    }
}
