package dev.keelson.reference.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.keelson.reference.auth.Outbox;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The {@code send-email} job: sends one email of the outbox over SMTP ({@code spring.mail.*}) and marks it sent,
 * which clears its body (it holds a token). Idempotent: an email already marked sent is not sent again, so a job
 * run twice (after a crash) sends once, unless the crash fell between the SMTP server's acceptance and the mark.
 * Without {@code spring.mail.host} the email waits and the job looks again every minute.
 */
final class EmailJob {
    static final String NAME = "send-email";
    private static final Logger log = LoggerFactory.getLogger(EmailJob.class);
    private static final Duration NO_MAIL_SERVER_RETRY = Duration.ofMinutes(1);

    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private volatile boolean warned;

    EmailJob(Outbox outbox, ObjectProvider<JavaMailSender> mail, String from) {
        this.outbox = outbox;
        this.mail = mail;
        this.from = from;
    }

    CompletionHandler<Void> run(TaskInstance<Void> job, ExecutionContext context) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            if (!warned) {
                log.warn("spring.mail.host is not set: verification and reset emails wait in outbox_emails");
                warned = true;
            }
            return (done, operations) ->
                    operations.reschedule(done, done.getTimeDone().plus(NO_MAIL_SERVER_RETRY));
        }
        UUID id = UUID.fromString(job.getId());
        outbox.unsent(id).ifPresent(email -> send(sender, email));
        return new CompletionHandler.OnCompleteRemove<>();
    }

    private void send(JavaMailSender sender, Outbox.Email email) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(email.recipient());
        message.setSubject(email.subject());
        message.setText(email.body());
        try {
            sender.send(message);
        } catch (MailException e) {
            outbox.markFailed(email.id(), e.getClass().getSimpleName());
            throw e; // the job's failure handler retries it later
        }
        outbox.markSent(email.id());
    }
}
