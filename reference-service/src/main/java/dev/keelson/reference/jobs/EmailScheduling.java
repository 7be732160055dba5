package dev.keelson.reference.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.keelson.reference.auth.Outbox;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a queued email into its {@code send-email} job, in the transaction that queued it (db-scheduler writes
 * through Spring's transaction-aware data source), so the job exists exactly when the change that caused the
 * email committed. After the commit the local poller is woken, so the email goes out at once rather than at the
 * next poll.
 */
final class EmailScheduling {
    private final Scheduler scheduler;
    private final CustomTask<Void> task;

    EmailScheduling(Scheduler scheduler, CustomTask<Void> task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    @EventListener
    void on(Outbox.EmailQueued queued) {
        scheduler.scheduleIfNotExists(task.instance(queued.id().toString()), Instant.now());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        }
    }
}
