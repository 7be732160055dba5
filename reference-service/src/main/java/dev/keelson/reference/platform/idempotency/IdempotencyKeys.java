package dev.keelson.reference.platform.idempotency;

import dev.keelson.reference.platform.database.IdGenerator;
import dev.keelson.reference.platform.scheduling.ExpiredRows;
import java.time.Duration;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_keys} table. Every method runs inside the caller's transaction. */
@Repository
class IdempotencyKeys implements ExpiredRows {
    private final JdbcClient jdbc;
    private final IdGenerator ids;

    IdempotencyKeys(JdbcClient jdbc, IdGenerator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** What claiming a key found. */
    sealed interface Claim {}

    /** The key is this transaction's now: execute the request. */
    record Claimed() implements Claim {}

    /** A committed earlier request: its fingerprint and its sealed response. */
    record Completed(byte[] requestHash, byte[] response) implements Claim {}

    /** Another request with the key still runs after {@code wait}. The transaction is aborted: roll it back. */
    record Busy() implements Claim {}

    /**
     * Claims {@code key} for the current transaction. A request with the same key that has not committed yet holds
     * the unique index entry, so this waits for it (up to {@code wait}) and then sees its record. An expired record
     * is taken over as if absent.
     */
    Claim claim(IdempotencyKey key, byte[] requestHash, Duration ttl, Duration wait) {
        jdbc.sql("SELECT set_config('lock_timeout', ?, true)")
                .param(wait.toMillis() + "ms")
                .query(String.class)
                .single();
        try {
            int claimed = jdbc.sql("INSERT INTO idempotency_keys (id, scope, key_hash, request_hash, expires_at) "
                            + "VALUES (?, ?, ?, ?, now() + make_interval(secs => ?)) "
                            + "ON CONFLICT (scope, key_hash) DO UPDATE SET request_hash = EXCLUDED.request_hash, "
                            + "status = NULL, response = NULL, expires_at = EXCLUDED.expires_at, "
                            + "created_at = now(), updated_at = now() WHERE idempotency_keys.expires_at <= now()")
                    .params(ids.next(), key.scope(), key.lookup(), requestHash, (double) ttl.toSeconds())
                    .update();
            if (claimed == 1) {
                return new Claimed();
            }
        } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
            return new Busy();
        }
        return jdbc.sql("SELECT request_hash, response FROM idempotency_keys WHERE scope = ? AND key_hash = ?")
                .params(key.scope(), key.lookup())
                .query((rs, row) -> (Claim) new Completed(rs.getBytes("request_hash"), rs.getBytes("response")))
                .optional()
                .orElseGet(Busy::new); // purged between the two statements: let the client retry
    }

    /** Stores the response of the claimed key (before the transaction commits). */
    void complete(IdempotencyKey key, int status, byte[] sealedResponse) {
        jdbc.sql("UPDATE idempotency_keys SET status = ?, response = ?, updated_at = now() "
                        + "WHERE scope = ? AND key_hash = ?")
                .params(status, sealedResponse, key.scope(), key.lookup())
                .update();
    }

    /** Gives the claimed key up: the request failed, a retry may run it again. */
    void release(IdempotencyKey key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE scope = ? AND key_hash = ?")
                .params(key.scope(), key.lookup())
                .update();
    }

    @Override
    public String name() {
        return "idempotency records";
    }

    @Override
    public int purge(int limit) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE id IN "
                        + "(SELECT id FROM idempotency_keys WHERE expires_at < now() ORDER BY expires_at LIMIT ?)")
                .param(limit)
                .update();
    }
}
