package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.ExitCode;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.PgBouncer;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keelson db migrate} through a real PgBouncer in transaction mode says so on standard error, and works. */
class PoolerNoticeIT {
    @TempDir
    Path dir;

    @Test
    void migrateThroughPgBouncerSaysItDetectedAPooler() throws Exception {
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL);
                PgBouncer bouncer = PgBouncer.start(db)) {
            Path migrations = Files.createDirectories(dir.resolve("db/migration"));
            Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t (id INT);\n");
            Files.writeString(
                    migrations.resolve("V2__index.sql"),
                    "-- keelson:no-transaction\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n");

            Cli.Run run = new Cli(Map.of(), dir)
                    .run(
                            "db",
                            "migrate",
                            "--no-lint",
                            "--url",
                            bouncer.database().url(),
                            "--user",
                            db.user());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
            assertThat(run.err())
                    .startsWith("note: Connection pooler detected: the JDBC URL names port " + bouncer.port()
                            + " but the PostgreSQL server behind it listens on port ");
            assertThat(run.out()).contains("Applied V2__index.sql");
        }
    }
}
