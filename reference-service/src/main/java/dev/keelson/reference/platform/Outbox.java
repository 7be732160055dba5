package dev.keelson.reference.platform;

import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_emails} table. Features call {@link #enqueue} inside the transaction of the change that causes
 * the email; it publishes {@link EmailQueued} in that transaction, on which the jobs feature schedules the sending
 * (without it, emails wait in the table).
 */
@Repository
public class Outbox {
    private final JdbcClient jdbc;
    private final IdGenerator ids;
    private final ApplicationEventPublisher events;

    Outbox(JdbcClient jdbc, IdGenerator ids, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
    }

    /** One email waiting to go out. */
    public record Email(UUID id, String recipient, String subject, String body) {}

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
        return jdbc.sql("SELECT id, recipient, subject, body FROM outbox_emails WHERE id = ? AND sent_at IS NULL")
                .param(id)
                .query((rs, row) -> new Email(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body")))
                .optional();
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
}
