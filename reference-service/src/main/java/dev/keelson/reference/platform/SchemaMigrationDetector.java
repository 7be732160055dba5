package dev.keelson.reference.platform;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Registered in {@code META-INF/spring.factories}: marks {@link SchemaMigration} as a database initializer, so
 * Spring Boot orders every bean that depends on database initialization (JDBC templates and clients) after it.
 */
public final class SchemaMigrationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(SchemaMigration.class);
    }
}
