package dev.keelson.reference.platform.scheduling;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what has expired from every {@link ExpiredRows} table, in batches (one short statement each, at most 100
 * per table and run; the next run continues). Idempotent by nature, so several instances may run it at once. Run on
 * a schedule: by the {@code purge-expired} job, or by {@link PlainScheduling} in a service without jobs.
 */
public final class ExpiredRowsPurge {
    private static final Logger log = LoggerFactory.getLogger(ExpiredRowsPurge.class);
    private static final int MAX_BATCHES = 100;

    private final List<ExpiredRows> tables;
    private final int batch;

    public ExpiredRowsPurge(List<ExpiredRows> tables, int batch) {
        this.tables = List.copyOf(tables);
        this.batch = batch;
    }

    public void run() {
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
