package dev.keelson.reference.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.keelson.reference.platform.scheduling.ExpiredRows;
import dev.keelson.reference.platform.scheduling.ExpiredRowsPurge;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The jobs (db-scheduler tasks, picked up by its Spring Boot starter) and the queue metrics; features add their own
 * jobs in configurations of their own ({@link EmailJobs}). Off with {@code db-scheduler.enabled=false}: then
 * {@code platform.scheduling.PlainScheduling} does the same work on plain per-instance schedules.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "db-scheduler.enabled", havingValue = "true", matchIfMissing = true)
class JobsConfiguration {
    static final String PURGE = "purge-expired";

    @Bean
    RecurringTask<Void> purgeTask(List<ExpiredRows> tables, JobsProperties properties) {
        ExpiredRowsPurge purge = new ExpiredRowsPurge(tables, properties.purgeBatch());
        return Tasks.recurring(PURGE, Schedules.fixedDelay(properties.purgeEvery()))
                .execute((instance, context) -> purge.run());
    }

    /** {@code jobs.queue.depth}: due jobs not yet running. */
    @Bean
    MeterBinder jobGauges(JdbcClient jdbc) {
        return meters -> {
            Gauge.builder(
                            "jobs.queue.depth",
                            jdbc,
                            db -> db.sql("SELECT count(*) FROM scheduled_tasks "
                                            + "WHERE picked = false AND execution_time <= now()")
                                    .query(Long.class)
                                    .single())
                    .description("Jobs due and not yet running")
                    .register(meters);
        };
    }
}
