package dev.keelson.reference.jobs;

import dev.keelson.reference.platform.ExpiredRows;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recurring {@code purge-expired} job: deletes what has expired from every {@link ExpiredRows} table, in
 * batches (one short statement each, at most 100 per table and run; the next run continues). Idempotent by nature.
 */
final class PurgeJob {
    static final String NAME = "purge-expired";
    private static final Logger log = LoggerFactory.getLogger(PurgeJob.class);
    private static final int MAX_BATCHES = 100;

    private final List<ExpiredRows> tables;
    private final int batch;

    PurgeJob(List<ExpiredRows> tables, int batch) {
        this.tables = List.copyOf(tables);
        this.batch = batch;
    }

    void run() {
        for (ExpiredRows table : tables) {
            long deleted = 0;
            for (int i = 0; i < MAX_BATCHES; i++) {
                int n = table.purge(batch);
                deleted += n;
                if (n < batch) {
                    break;
                }
            }
            if (deleted > 0) {
                log.info("Purged {} expired {}", deleted, table.name());
            }
        }
    }
}
