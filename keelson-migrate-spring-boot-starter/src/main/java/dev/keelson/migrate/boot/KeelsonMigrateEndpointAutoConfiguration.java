package dev.keelson.migrate.boot;

import dev.keelson.migrate.Migrator;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With Actuator on the class path and a {@link Migrator} bean (the auto-configured one or the application's): the
 * {@code keelson} endpoint, when available (enabled and exposed), and the {@code keelson} info contributor
 * ({@code management.info.keelson.enabled}).
 */
@AutoConfiguration(after = KeelsonMigrateAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(Migrator.class)
public final class KeelsonMigrateEndpointAutoConfiguration {
    /** Made by Spring Boot, from {@code META-INF/spring/…AutoConfiguration.imports}. */
    public KeelsonMigrateEndpointAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(KeelsonMigrateEndpoint.class)
    KeelsonMigrateEndpoint keelsonMigrateEndpoint(Migrator migrator) {
        return new KeelsonMigrateEndpoint(migrator);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnEnabledInfoContributor("keelson")
    KeelsonMigrateInfoContributor keelsonMigrateInfoContributor(Migrator migrator) {
        return new KeelsonMigrateInfoContributor(migrator);
    }
}
