package dev.keelson.maven;

import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.StatusReport;

/** {@code mvn keelson:status}: every migration with its state (as {@code keelson db status}). Changes nothing. */
@org.apache.maven.plugins.annotations.Mojo(name = "status", requiresProject = false, threadSafe = true)
public class StatusMojo extends DatabaseMojo {
    @Override
    void run(Migrator migrator) {
        StatusReport status = migrator.status();
        for (MigrationInfo m : status.migrations()) {
            getLog().info(String.format(
                    "%-10s %-12s %-30s %s",
                    m.version() == null ? "" : m.version(),
                    m.state(),
                    m.script() == null ? m.description() : m.script(),
                    m.appliedAt() == null ? "" : m.appliedAt()));
        }
        getLog().info("Schema at version "
                + status.schemaVersion().map(Object::toString).orElse("none"));
    }
}
