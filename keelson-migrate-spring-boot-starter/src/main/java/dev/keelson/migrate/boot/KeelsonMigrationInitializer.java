package dev.keelson.migrate.boot;

import dev.keelson.migrate.Migrator;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the {@link MigrationStrategy} on the {@link Migrator} when it is created. Registered as a database initializer
 * ({@link KeelsonMigrationInitializerDetector}), so Spring Boot creates every bean that depends on database
 * initialization ({@code JdbcTemplate}, {@code JdbcClient}, JPA) after it: nothing touches a table that does not exist
 * yet. A failed migration fails the start-up with the engine's {@code MigrationException}, which
 * {@link MigrationFailureAnalyzer} turns into one message.
 */
public class KeelsonMigrationInitializer implements InitializingBean {
    private final Migrator migrator;
    private final MigrationStrategy strategy;

    public KeelsonMigrationInitializer(Migrator migrator, MigrationStrategy strategy) {
        this.migrator = migrator;
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        strategy.migrate(migrator);
    }
}
