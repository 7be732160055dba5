package dev.keelson.reference.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.keelson.reference.auth.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in's emails as jobs: one {@code send-email} job per queued email, scheduled in the transaction that queued it
 * ({@link EmailScheduling}), retried with exponential back-off and moved to the dead letters after
 * {@code reference.jobs.max-attempts} runs; {@code jobs.dead.letters} counts those.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "db-scheduler.enabled", havingValue = "true", matchIfMissing = true)
class EmailJobs {
    @Bean
    CustomTask<Void> sendEmailTask(
            Outbox outbox,
            ObjectProvider<JavaMailSender> mail,
            @Value("${reference.mail.from:no-reply@localhost}") String from,
            EmailJobProperties properties,
            DeadLetters deadLetters,
            TransactionTemplate transactions) {
        EmailJob job = new EmailJob(outbox, mail, from);
        return Tasks.custom(EmailJob.NAME, Void.class)
                .onFailure(retryThenDeadLetter(properties, deadLetters, transactions))
                .execute(job::run);
    }

    /**
     * Exponential back-off ({@code firstRetryAfter}, then {@code backoffFactor} times longer each time); after
     * {@code maxAttempts} runs the job moves to the dead letters, in one transaction with its removal.
     */
    static <T> FailureHandler<T> retryThenDeadLetter(
            EmailJobProperties properties, DeadLetters deadLetters, TransactionTemplate transactions) {
        return FailureHandler.<T>maxRetries(properties.maxAttempts() - 1)
                .withBackoff(properties.firstRetryAfter(), properties.backoffFactor())
                .then((failed, operations) -> transactions.executeWithoutResult(tx -> {
                    deadLetters.record(failed);
                    operations.remove();
                }));
    }

    @Bean
    EmailScheduling emailScheduling(Scheduler scheduler, CustomTask<Void> sendEmailTask) {
        return new EmailScheduling(scheduler, sendEmailTask);
    }

    /** {@code jobs.dead.letters}: jobs that failed for good. */
    @Bean
    MeterBinder deadLetterGauge(DeadLetters deadLetters) {
        return meters -> Gauge.builder("jobs.dead.letters", deadLetters, DeadLetters::count)
                .description("Jobs that failed every attempt")
                .register(meters);
    }
}
