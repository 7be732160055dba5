package dev.keelson.migrate.boot;

import dev.keelson.migrate.LintPolicy;
import dev.keelson.migrate.Migrator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * keelson-migrate for an application with one {@link DataSource}, as Boot's Flyway auto-configuration does it: a
 * {@link Migrator} on that data source and the {@code keelson.migrate.*} properties, and, unless
 * {@code keelson.migrate.enabled=false}, a {@link KeelsonMigrationInitializer} that runs the
 * {@link MigrationStrategy} (by default: migrate, which lints the pending files first) before anything else uses the database.
 *
 * <p>Each bean backs off when the application defines its own: its own {@code Migrator} (then the properties other
 * than {@code enabled} do not apply to it), its own {@code MigrationStrategy}, its own initializer.
 * {@link MigratorCustomizer} beans adjust the auto-configured {@code Migrator}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(Migrator.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(KeelsonMigrateProperties.class)
public final class KeelsonMigrateAutoConfiguration {
    /** Made by Spring Boot, from {@code META-INF/spring/…AutoConfiguration.imports}. */
    public KeelsonMigrateAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    Migrator keelsonMigrator(
            DataSource dataSource,
            KeelsonMigrateProperties properties,
            ObjectProvider<MigratorCustomizer> customizers) {
        Migrator.Builder builder = Migrator.configure()
                .dataSource(dataSource)
                .placeholders(properties.placeholders())
                .historyTable(properties.table())
                .lockTimeout(properties.lockTimeout())
                .outOfOrder(properties.outOfOrder())
                .lint(properties.lint() ? LintPolicy.defaults() : LintPolicy.off());
        properties.locations().forEach(builder::location);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    MigrationStrategy keelsonMigrationStrategy(KeelsonMigrateProperties properties) {
        return new BaselineThenMigrate(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "keelson.migrate.enabled", matchIfMissing = true)
    KeelsonMigrationInitializer keelsonMigrationInitializer(Migrator migrator, MigrationStrategy strategy) {
        return new KeelsonMigrationInitializer(migrator, strategy);
    }
}
