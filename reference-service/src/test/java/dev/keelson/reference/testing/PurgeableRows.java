package dev.keelson.reference.testing;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows the purge deletes once they expire, written straight into the database by the purge tests. */
public final class PurgeableRows {
    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public PurgeableRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored idempotency record that expires at {@code expiresAt}; its id. */
    public UUID idempotencyRecord(Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO idempotency_keys (id, scope, key_hash, request_hash, status, response, expires_at) "
                        + "VALUES (?, 'purge-test', ?, ?, 200, ?, ?)")
                .params(id, randomBytes(), randomBytes(), randomBytes(), utc(expiresAt))
                .update();
        return id;
    }

    public boolean exists(String table, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** 32 random bytes, for a hash column. */
    public byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code instant} as a {@code timestamptz} parameter; {@code null} stays {@code null}. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
