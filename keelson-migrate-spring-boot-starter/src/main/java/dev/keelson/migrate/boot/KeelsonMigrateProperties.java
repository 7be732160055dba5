package dev.keelson.migrate.boot;

import dev.keelson.migrate.Migrator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code keelson.migrate.*} settings.
 *
 * @param enabled           migrate while the application starts (default true); false leaves the schema to
 *                          {@code keelson db migrate} run as a separate deployment step
 * @param locations         where the migration files are: {@code classpath:} or {@code filesystem:} locations (default
 *                          {@code classpath:db/migration})
 * @param lint              lint the pending files first and refuse to migrate on an error finding (default true)
 * @param target            the newest version to apply (default: all)
 * @param outOfOrder        also apply pending versions older than the newest applied one (default false)
 * @param placeholders      values of {@code ${name}} placeholders in migration files
 * @param lockTimeout       how long to wait for another instance's migration lock (default 10m)
 * @param baselineOnMigrate on a database with tables but no history, record {@code baselineVersion} as applied
 *                          first instead of failing (default false)
 * @param baselineVersion   the version {@code baselineOnMigrate} records (default 1)
 * @param table             the history table (default keelson_schema_history)
 */
@ConfigurationProperties("keelson.migrate")
public record KeelsonMigrateProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("classpath:db/migration") List<String> locations,
        @DefaultValue("true") boolean lint,
        String target,
        boolean outOfOrder,
        Map<String, String> placeholders,
        @DefaultValue("10m") Duration lockTimeout,
        boolean baselineOnMigrate,
        @DefaultValue("1") String baselineVersion,
        @DefaultValue(Migrator.DEFAULT_HISTORY_TABLE) String table) {

    public KeelsonMigrateProperties {
        locations = List.copyOf(locations);
        placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
    }
}
