package dev.keelson.reference.platform;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_emails} table. Features call {@link #enqueue} inside the transaction of the change that causes
 * the email; {@link OutboxRelay} sends it afterwards.
 */
@Repository
public class Outbox {
    private final JdbcClient jdbc;
    private final IdGenerator ids;

    Outbox(JdbcClient jdbc, IdGenerator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** One email waiting to go out. */
    record Pending(UUID id, String recipient, String subject, String body, int attempts) {}

    /** Queues an email; call it in the transaction of the change it reports. */
    public void enqueue(String recipient, String subject, String body) {
        jdbc.sql("INSERT INTO outbox_emails (id, recipient, subject, body) VALUES (?, ?, ?, ?)")
                .params(ids.next(), recipient, subject, body)
                .update();
    }

    /** Locks up to {@code limit} due emails that no other instance holds (call inside a transaction). */
    List<Pending> lockDue(int limit) {
        return jdbc.sql("SELECT id, recipient, subject, body, attempts FROM outbox_emails "
                        + "WHERE sent_at IS NULL AND next_attempt_at <= now() "
                        + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .param(limit)
                .query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .list();
    }

    void markSent(UUID id) {
        jdbc.sql("UPDATE outbox_emails SET sent_at = now(), body = NULL, updated_at = now() WHERE id = ?")
                .param(id)
                .update();
    }

    void markFailed(UUID id, int attempts, long retryInSeconds, String error) {
        jdbc.sql("UPDATE outbox_emails SET attempts = ?, last_error = ?, updated_at = now(), "
                        + "next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?")
                .params(attempts, error, (double) retryInSeconds, id)
                .update();
    }

    /** Emails not sent yet: the job-queue depth gauge. */
    long pending() {
        return jdbc.sql("SELECT count(*) FROM outbox_emails WHERE sent_at IS NULL").query(Long.class).single();
    }
}
