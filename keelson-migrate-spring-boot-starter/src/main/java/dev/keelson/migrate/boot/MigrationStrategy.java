package dev.keelson.migrate.boot;

import dev.keelson.migrate.Migrator;

/**
 * What happens to the schema at start-up. The default lints the pending files, baselines when asked, then migrates
 * to {@code keelson.migrate.target}; an application that defines a bean of this type decides instead (validate only,
 * repair first, nothing at all). Flyway's {@code FlywayMigrationStrategy} plays the same part.
 */
@FunctionalInterface
public interface MigrationStrategy {
    void migrate(Migrator migrator);
}
