package dev.keelson.reference.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.auth.Outbox;
import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.TestSmtp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Two instances polling the same background jobs table: each job runs once. */
class TwoInstancesJobsIT {
    @RegisterExtension
    static final TwoInstances both = new TwoInstances();

    private static ServiceInstance first;

    @BeforeAll
    static void bothStarted() {
        first = both.first();
    }

    @Test
    void eachJobRunsOnceWhileBothInstancesPoll() {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            recipients.add("both-" + i + "-" + UUID.randomUUID() + "@example.com");
        }
        Outbox outbox = first.bean(Outbox.class);
        first.bean(TransactionTemplate.class)
                .executeWithoutResult(
                        tx -> recipients.forEach(recipient -> outbox.enqueue(recipient, "Once", "exactly once")));

        JdbcClient jdbc = JdbcClient.create(both.db().dataSource());
        Await.until(
                "every email sent",
                Duration.ofSeconds(60),
                () -> jdbc.sql("SELECT count(*) FROM outbox_emails WHERE recipient LIKE 'both-%' AND sent_at IS NULL")
                                .query(Long.class)
                                .single()
                        == 0);
        // a job is removed only after its email went out: with none left, no send can still be under way
        Await.until(
                "every job finished",
                Duration.ofSeconds(30),
                () -> jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'send-email'")
                                .query(Long.class)
                                .single()
                        == 0);
        for (String recipient : recipients) {
            assertThat(TestSmtp.bodiesNow(recipient)).as(recipient).hasSize(1);
        }
    }
}
