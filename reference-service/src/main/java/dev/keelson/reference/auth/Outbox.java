package dev.keelson.reference.auth;

import dev.keelson.reference.platform.database.IdGenerator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_emails} table. Features call {@link #enqueue} inside the transaction of the change that causes
 * the email; {@link OutboxRelay} sends it afterwards.
 * {@link #enqueue} also publishes {@link EmailQueued} in the queuing transaction: background jobs, where the project
 * has them, listen to it and send the email instead (the relay is off then).
 */
@Repository
public class Outbox {
    private final JdbcClient jdbc;
    private final IdGenerator ids;
    private final ApplicationEventPublisher events;

    Outbox(ApplicationEventPublisher events, JdbcClient jdbc, IdGenerator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
    }

    /** One email waiting to go out, and how often sending it failed so far. */
    public record Email(UUID id, String recipient, String subject, String body, int attempts) {}

    /** An email was queued; published inside the queuing transaction. */
    public record EmailQueued(UUID id) {}

    /** Queues an email; call it in the transaction of the change it reports. */
    public void enqueue(String recipient, String subject, String body) {
        UUID id = ids.next();
        jdbc.sql("INSERT INTO outbox_emails (id, recipient, subject, body) VALUES (?, ?, ?, ?)")
                .params(id, recipient, subject, body)
                .update();
        events.publishEvent(new EmailQueued(id));
    }

    /** The email {@code id} if it has not been sent yet. */
    public Optional<Email> unsent(UUID id) {
        return jdbc.sql("SELECT id, recipient, subject, body, attempts FROM outbox_emails "
                        + "WHERE id = ? AND sent_at IS NULL")
                .param(id)
                .query(Outbox::email)
                .optional();
    }

    /** Locks up to {@code limit} due emails that no other instance holds (call inside a transaction). */
    List<Email> lockDue(int limit) {
        return jdbc.sql("SELECT id, recipient, subject, body, attempts FROM outbox_emails "
                        + "WHERE sent_at IS NULL AND next_attempt_at <= now() "
                        + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .param(limit)
                .query(Outbox::email)
                .list();
    }

    /** Marks the email sent and clears its body, which holds a token. */
    public void markSent(UUID id) {
        jdbc.sql("UPDATE outbox_emails SET sent_at = now(), body = NULL, updated_at = now() WHERE id = ?")
                .param(id)
                .update();
    }

    /** Counts a failed attempt; {@code error} is a type name, never a message (messages can echo the body). */
    public void markFailed(UUID id, String error) {
        jdbc.sql("UPDATE outbox_emails SET attempts = attempts + 1, last_error = ?, updated_at = now() WHERE id = ?")
                .params(error, id)
                .update();
    }

    /** Counts a failed attempt and puts the next one {@code retryIn} from now. */
    void postpone(UUID id, Duration retryIn, String error) {
        jdbc.sql("UPDATE outbox_emails SET attempts = attempts + 1, last_error = ?, updated_at = now(), "
                        + "next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?")
                .params(error, (double) retryIn.toSeconds(), id)
                .update();
    }

    private static Email email(ResultSet rs, int row) throws SQLException {
        return new Email(
                rs.getObject("id", UUID.class),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getInt("attempts"));
    }
}
