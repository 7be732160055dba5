package dev.keelson.reference.platform.database;

import dev.keelson.migrate.boot.MigratorCustomizer;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schema migration at start-up (the keelson-migrate starter, files in {@code classpath:db/migration}) runs on its
 * own connections, without the statement timeout of request connections ({@link StatementTimeout}): building an
 * index on a big table may take minutes. A failed migration stops the start-up with the engine's message.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConnections {
    @Bean
    MigratorCustomizer migrationsWithoutStatementTimeout(DataSource dataSource) {
        return migrator -> migrator.dataSource(StatementTimeout.withoutTimeout(dataSource));
    }
}
