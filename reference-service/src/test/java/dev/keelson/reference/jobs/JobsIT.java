package dev.keelson.reference.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.PurgeableRows;
import dev.keelson.reference.testing.ServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class JobsIT extends ServiceTest {

    @Autowired
    private JdbcClient jdbc;

    private PurgeableRows rows;

    @Autowired
    private Scheduler scheduler;

    @BeforeEach
    void rows() {
        rows = new PurgeableRows(jdbc);
    }

    @Test
    void thePurgeJobDeletesExpiredIdempotencyRecordsOnly() {
        Instant past = Instant.now().minus(Duration.ofDays(2));
        Instant future = Instant.now().plus(Duration.ofDays(2));
        UUID expiredRecord = rows.idempotencyRecord(past);
        UUID liveRecord = rows.idempotencyRecord(future);

        scheduler.reschedule(TaskInstanceId.of("purge-expired", "recurring"), Instant.now());

        Await.until(
                "idempotency records purged",
                Duration.ofSeconds(20),
                () -> !rows.exists("idempotency_keys", expiredRecord));
        assertThat(rows.exists("idempotency_keys", liveRecord)).isTrue();
    }
}
