package dev.keelson.migrate.boot;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Registered in {@code META-INF/spring.factories}: marks {@link KeelsonMigrationInitializer} as a database
 * initializer, as Boot's {@code FlywayMigrationInitializerDatabaseInitializerDetector} marks Flyway's.
 */
public final class KeelsonMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    /** Made by Spring Boot, from {@code META-INF/spring.factories}. */
    public KeelsonMigrationInitializerDetector() {}

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(KeelsonMigrationInitializer.class);
    }
}
