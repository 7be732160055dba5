package dev.keelson.reference.auth;

import dev.keelson.reference.platform.scheduling.PlainScheduling;
import jakarta.mail.MessagingException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox over SMTP ({@code spring.mail.*}), a small batch every two seconds (on {@link PlainScheduling}'s
 * schedules). Due rows are locked with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work without
 * sending an email twice, and an email is marked sent in the transaction that holds its lock. A failed send is
 * retried with exponential back-off (2, 4, 8 … seconds, at most an hour). Without {@code spring.mail.host} nothing
 * is sent and emails wait in the table.
 * Off while background jobs run ({@code reference.jobs.enabled}): then a job sends each email instead.
 */
@Component
@ConditionalOnBooleanProperty(name = "reference.jobs.enabled", havingValue = false, matchIfMissing = true)
class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 20;
    private static final Duration MAX_RETRY = Duration.ofHours(1);

    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final TransactionTemplate transactions;
    private final String from;
    private volatile boolean warned;

    OutboxRelay(
            Outbox outbox,
            ObjectProvider<JavaMailSender> mail,
            TransactionTemplate transactions,
            @Value("${reference.mail.from:no-reply@localhost}") String from) {
        this.outbox = outbox;
        this.mail = mail;
        this.transactions = transactions;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${reference.outbox.poll-interval:2s}")
    void relay() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            if (!warned) {
                log.warn("spring.mail.host is not set: verification and reset emails wait in outbox_emails");
                warned = true;
            }
            return;
        }
        try {
            transactions.executeWithoutResult(tx -> outbox.lockDue(BATCH).forEach(email -> send(sender, email)));
        } catch (DataAccessException | TransactionException e) {
            // the database is away (readiness says so too); the next run tries again
            log.warn("Outbox relay skipped a run: {}", e.getMostSpecificCause().getMessage());
        }
    }

    private void send(JavaMailSender sender, Outbox.Email email) {
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(email.recipient());
            message.setSubject(email.subject());
            message.setText(email.body());
            sender.send(message);
            outbox.markSent(email.id());
        } catch (MailException e) {
            Duration retryIn = retryAfter(email.attempts() + 1);
            // the exception type only: messages can echo the body, which holds a token
            outbox.postpone(email.id(), retryIn, rootType(e));
            log.warn(
                    "Email {} not sent (attempt {}), retrying in {} s: {}",
                    email.id(),
                    email.attempts() + 1,
                    retryIn.toSeconds(),
                    rootType(e));
        }
    }

    /** 2, 4, 8 … seconds after the first, second, third … failure, at most an hour. */
    static Duration retryAfter(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 12));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private static String rootType(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof MessagingException)) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
