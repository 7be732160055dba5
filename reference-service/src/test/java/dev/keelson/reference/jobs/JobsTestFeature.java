package dev.keelson.reference.jobs;

import dev.keelson.reference.testing.TestFeature;
import java.util.Map;

/** Background jobs under test: db-scheduler polls often, so tests wait for their jobs briefly. */
public final class JobsTestFeature implements TestFeature {
    @Override
    public Map<String, String> settings() {
        return Map.of("db-scheduler.polling-interval", "200ms");
    }

    @Override
    public Map<String, String> plainSchedules() {
        return Map.of("db-scheduler.enabled", "false");
    }
}
