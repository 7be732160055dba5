package dev.keelson.reference.platform;

import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.Migrator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Brings the schema to the newest version with keelson-migrate (files in {@code classpath:db/migration}) while the
 * application starts. {@link SchemaMigrationDetector} tells Spring Boot that this bean initializes the database, so
 * every {@code JdbcTemplate}/{@code JdbcClient} user is created after it: nothing touches a table that does not
 * exist yet. A failed migration stops the start-up with the engine's message (file, line, SQLState).
 *
 * <p>Migrations run on their own connections, without the statement timeout of request connections
 * ({@link StatementTimeout}): building an index on a big table may take minutes.
 *
 * <p>Set {@code reference.database.migrate-on-start=false} when migrations run as a separate deployment step
 * ({@code keelson db migrate}); the service then expects the schema to be current.
 */
@Component
public class SchemaMigration implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);
    static final String LOCATION = "classpath:db/migration";

    private final DataSource dataSource;
    private final boolean migrateOnStart;

    SchemaMigration(DataSource dataSource, DatabaseProperties properties) {
        this.dataSource = dataSource;
        this.migrateOnStart = properties.migrateOnStart();
    }

    @Override
    public void afterPropertiesSet() {
        if (!migrateOnStart) {
            log.info("Schema migration at start-up is off (reference.database.migrate-on-start=false)");
            return;
        }
        MigrateResult result = Migrator.configure()
                .dataSource(StatementTimeout.withoutTimeout(dataSource))
                .location(LOCATION)
                .load()
                .migrate(MigrateOptions.latest());
        log.info("Schema at version {} ({} migration(s) applied)",
                result.schemaVersion().map(Object::toString).orElse("none"), result.migrations().size());
    }
}
