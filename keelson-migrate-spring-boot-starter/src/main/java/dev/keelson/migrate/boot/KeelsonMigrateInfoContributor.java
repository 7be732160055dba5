package dev.keelson.migrate.boot;

import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.StatusReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds {@code "keelson-migrate": {"schemaVersion": "7", "migrations": {"APPLIED": 7, "PENDING": 1}}} to
 * {@code /actuator/info}: the version and how many migrations are in each state ({@code /actuator/keelson} lists them).
 */
public class KeelsonMigrateInfoContributor implements InfoContributor {
    private final Migrator migrator;

    public KeelsonMigrateInfoContributor(Migrator migrator) {
        this.migrator = migrator;
    }

    @Override
    public void contribute(Info.Builder builder) {
        StatusReport status = migrator.status();
        Map<String, Integer> states = new TreeMap<>();
        for (MigrationInfo m : status.migrations()) {
            states.merge(m.state().name(), 1, Integer::sum);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("schemaVersion", status.schemaVersion().map(Object::toString).orElse(null));
        detail.put("migrations", states);
        builder.withDetail("keelson-migrate", detail);
    }
}
