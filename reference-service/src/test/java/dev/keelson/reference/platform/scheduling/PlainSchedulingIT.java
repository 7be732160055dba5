package dev.keelson.reference.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.ServiceTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The service without background jobs: a plain per-instance schedule purges expired rows. */
@TestPropertySource(properties = "db-scheduler.enabled=false") // keelson:jobs
class PlainSchedulingIT extends ServiceTest {
    private final SecureRandom random = new SecureRandom();

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlainScheduling scheduling;

    @Test
    void thePurgeDeletesExpiredIdempotencyRecordsOnly() {
        UUID expired = idempotencyRecord(Instant.now().minus(Duration.ofDays(2)));
        UUID live = idempotencyRecord(Instant.now().plus(Duration.ofDays(2)));

        scheduling.purgeExpiredRows();

        assertThat(exists("idempotency_keys", expired)).isFalse();
        assertThat(exists("idempotency_keys", live)).isTrue();
    }

    private UUID idempotencyRecord(Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO idempotency_keys (id, scope, key_hash, request_hash, status, response, expires_at) "
                        + "VALUES (?, 'purge-test', ?, ?, 200, ?, ?)")
                .params(id, randomBytes(), randomBytes(), randomBytes(), expiresAt.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    private boolean exists(String table, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}
