package dev.keelson.migrate.boot;

import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.MigrationState;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.StatusReport;
import dev.keelson.migrate.Version;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The default {@link MigrationStrategy}: baseline a database that has no history when
 * {@code keelson.migrate.baseline-on-migrate} asks for it, then migrate to {@code keelson.migrate.target}. The
 * {@link Migrator} lints the files it will run first (its {@code LintPolicy}: {@code keelson.migrate.lint}).
 */
final class BaselineThenMigrate implements MigrationStrategy {
    // Spring's own logging API (to SLF4J/Logback in a Boot application): no logging dependency of the starter's own
    private static final Log log = LogFactory.getLog(BaselineThenMigrate.class);

    private final KeelsonMigrateProperties properties;

    BaselineThenMigrate(KeelsonMigrateProperties properties) {
        this.properties = properties;
    }

    @Override
    public void migrate(Migrator migrator) {
        if (properties.baselineOnMigrate()) {
            baselineIfUnmanaged(migrator);
        }
        MigrateOptions options =
                properties.target() == null || properties.target().isBlank()
                        ? MigrateOptions.latest()
                        : MigrateOptions.latest().withTarget(Version.parse(properties.target()));
        MigrateResult result = migrator.migrate(options);
        log.info("Schema at version "
                + result.schemaVersion().map(Object::toString).orElse("none") + " ("
                + result.migrations().size() + " migration(s) applied)");
    }

    /** Flyway's baselineOnMigrate: tables but no history means a database made before migrations were kept. */
    private void baselineIfUnmanaged(Migrator migrator) {
        StatusReport status = migrator.status();
        boolean noHistory = status.migrations().stream().allMatch(m -> m.state() == MigrationState.PENDING);
        if (noHistory
                && new MigrationDatabase(migrator.config())
                        .hasTablesBesides(migrator.config().historyTable())) {
            Version version = Version.parse(properties.baselineVersion());
            migrator.baseline(version, "<< baseline on migrate >>");
            log.info("Baselined an existing schema at version " + version + " (keelson.migrate.baseline-on-migrate)");
        }
    }
}
