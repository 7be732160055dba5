package dev.keelson.migrate.boot;

import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.StatusReport;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/keelson}: the schema version and every migration with its state, as {@code keelson db status}
 * shows them ({@code /actuator/flyway}'s counterpart). Read-only; it takes no lock. Exposed like any endpoint:
 * {@code management.endpoints.web.exposure.include=keelson}.
 */
@Endpoint(id = "keelson")
public class KeelsonMigrateEndpoint {
    private final Migrator migrator;

    public KeelsonMigrateEndpoint(Migrator migrator) {
        this.migrator = migrator;
    }

    @ReadOperation
    public Schema schema() {
        StatusReport status = migrator.status();
        return new Schema(
                status.schemaVersion().map(Object::toString).orElse(null),
                status.migrations().stream().map(Migration::of).toList());
    }

    /** The endpoint's answer: {@code schemaVersion} is null on a database with nothing applied. */
    public record Schema(String schemaVersion, List<Migration> migrations) {}

    /** One migration, with the history's fields when it was applied (else null). */
    public record Migration(
            String type,
            String version,
            String description,
            String script,
            String state,
            String checksum,
            String appliedAt,
            String appliedBy,
            Long executionTimeMillis,
            String failure) {
        static Migration of(MigrationInfo m) {
            return new Migration(
                    m.type().name(),
                    m.version() == null ? null : m.version().toString(),
                    m.description(),
                    m.script(),
                    m.state().name(),
                    m.checksum(),
                    m.appliedAt() == null ? null : m.appliedAt().toString(),
                    m.appliedBy(),
                    m.executionTime() == null ? null : m.executionTime().toMillis(),
                    m.failure());
        }
    }
}
