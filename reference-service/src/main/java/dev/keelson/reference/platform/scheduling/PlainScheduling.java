package dev.keelson.reference.platform.scheduling;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionException;

/**
 * Background work on plain per-instance schedules ({@code @Scheduled}), for a service without background jobs on
 * PostgreSQL: the hourly purge of expired rows (every {@link ExpiredRows} table, through {@link ExpiredRowsPurge}:
 * small idempotent batches, harmless when every instance runs it) and the outbox relay, where there is one.
 * Off while background jobs run ({@code reference.jobs.enabled}, set in a project with jobs): then they do this work.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "reference.jobs.enabled", havingValue = false, matchIfMissing = true)
public class PlainScheduling {
    private static final Logger log = LoggerFactory.getLogger(PlainScheduling.class);
    private static final int PURGE_BATCH = 1000;

    private final ExpiredRowsPurge purge;

    PlainScheduling(List<ExpiredRows> tables) {
        this.purge = new ExpiredRowsPurge(tables, PURGE_BATCH);
    }

    @Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    void purgeExpiredRows() {
        try {
            purge.run();
        } catch (DataAccessException | TransactionException e) {
            // the database is away (readiness says so too); the next run tries again
            log.warn(
                    "Purge of expired rows skipped a run: {}",
                    e.getMostSpecificCause().getMessage());
        }
    }
}
