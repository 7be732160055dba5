package dev.keelson.migrate.boot;

import dev.keelson.migrate.Migrator;

/**
 * Adjusts the auto-configured {@link Migrator} before it is built: for example another data source for migrations
 * (one without a statement timeout), a listener, more locations. Every bean of this type is applied, in order.
 */
@FunctionalInterface
public interface MigratorCustomizer {
    void customize(Migrator.Builder builder);
}
