package dev.keelson.reference.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.keelson.reference.auth.Outbox;
import dev.keelson.reference.platform.scheduling.ExpiredRows;
import dev.keelson.reference.platform.scheduling.ExpiredRowsPurge;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs (db-scheduler tasks, picked up by its Spring Boot starter) and the queue metrics.
 * The email job's retry policy and the scheduling of an email in the transaction that queued it too. // keelson:auth
 * Off with {@code db-scheduler.enabled=false}: then {@code platform.scheduling.PlainScheduling} does the same work on plain
 * per-instance schedules ({@code auth.OutboxRelay} sends the emails). // keelson:auth
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "db-scheduler.enabled", havingValue = "true", matchIfMissing = true)
class JobsConfiguration {
    static final String PURGE = "purge-expired";
    // keelson:begin auth

    @Bean
    CustomTask<Void> sendEmailTask(Outbox outbox, ObjectProvider<JavaMailSender> mail,
            @Value("${reference.mail.from:no-reply@localhost}") String from, JobsProperties properties,
            DeadLetters deadLetters, TransactionTemplate transactions) {
        EmailJob job = new EmailJob(outbox, mail, from);
        return Tasks.custom(EmailJob.NAME, Void.class)
                .onFailure(retryThenDeadLetter(properties, deadLetters, transactions))
                .execute(job::run);
    }

    /**
     * Exponential back-off ({@code firstRetryAfter}, then {@code backoffFactor} times longer each time); after
     * {@code maxAttempts} runs the job moves to the dead letters, in one transaction with its removal.
     */
    static <T> FailureHandler<T> retryThenDeadLetter(JobsProperties properties, DeadLetters deadLetters,
            TransactionTemplate transactions) {
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
    // keelson:end auth

    @Bean
    RecurringTask<Void> purgeTask(List<ExpiredRows> tables, JobsProperties properties) {
        ExpiredRowsPurge purge = new ExpiredRowsPurge(tables, properties.purgeBatch());
        return Tasks.recurring(PURGE, Schedules.fixedDelay(properties.purgeEvery()))
                .execute((instance, context) -> purge.run());
    }

    /**
     * {@code jobs.queue.depth}: due jobs not yet running.
     * {@code jobs.dead.letters}: jobs that failed for good. // keelson:auth
     */
    @Bean
    MeterBinder jobGauges(
            DeadLetters deadLetters, // keelson:auth
            JdbcClient jdbc) {
        return meters -> {
            Gauge.builder("jobs.queue.depth", jdbc, db -> db.sql("SELECT count(*) FROM scheduled_tasks "
                            + "WHERE picked = false AND execution_time <= now()").query(Long.class).single())
                    .description("Jobs due and not yet running")
                    .register(meters);
            // keelson:begin auth
            Gauge.builder("jobs.dead.letters", deadLetters, DeadLetters::count)
                    .description("Jobs that failed every attempt")
                    .register(meters);
            // keelson:end auth
        };
    }
}
