package dev.keelson.reference.platform.database;

import dev.keelson.reference.platform.settings.InvalidSettingException;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code reference.database.*}, checked while binding: a bad value stops the start-up naming the setting.
 *
 * @param embeddedDir      where the embedded PostgreSQL keeps its files (used only while {@code spring.datasource.url}
 *                         is unset)
 * @param migrateOnStart   migrate the schema while starting ({@code false} when {@code keelson db migrate} runs as a
 *                         separate deployment step); the keelson-migrate starter's {@code keelson.migrate.enabled}
 *                         follows it (application.yaml), {@link MigrationConnections} gives it its connections
 * @param statementTimeout the longest a request's SQL statement may run before PostgreSQL cancels it (5 s); the
 *                         request then fails with a 503 problem document instead of hanging
 */
@ConfigurationProperties("reference.database")
public record DatabaseProperties(
        @DefaultValue("./.data/postgres") Path embeddedDir,
        @DefaultValue("true") boolean migrateOnStart,
        @DefaultValue("5s") Duration statementTimeout) {
    public DatabaseProperties {
        if (statementTimeout.toMillis() < 1 || statementTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidSettingException(
                    "reference.database.statement-timeout",
                    "must be between 1ms and 1h, such as 5s, but is " + DurationStyle.SIMPLE.print(statementTimeout));
        }
    }
}
