package dev.keelson.reference.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.PlainSchedules;
import dev.keelson.reference.testing.PurgeableRows;
import dev.keelson.reference.testing.ServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The service without background jobs: a plain per-instance schedule purges expired rows. */
@ContextConfiguration(initializers = PlainSchedules.class)
class PlainSchedulingIT extends ServiceTest {

    @Autowired
    private JdbcClient jdbc;

    private PurgeableRows rows;

    @Autowired
    private PlainScheduling scheduling;

    @BeforeEach
    void rows() {
        rows = new PurgeableRows(jdbc);
    }

    @Test
    void thePurgeDeletesExpiredIdempotencyRecordsOnly() {
        UUID expired = rows.idempotencyRecord(Instant.now().minus(Duration.ofDays(2)));
        UUID live = rows.idempotencyRecord(Instant.now().plus(Duration.ofDays(2)));

        scheduling.purgeExpiredRows();

        assertThat(rows.exists("idempotency_keys", expired)).isFalse();
        assertThat(rows.exists("idempotency_keys", live)).isTrue();
    }
}
