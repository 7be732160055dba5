package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same {@code keelson db} session on every supported engine. */
class DbEnginesIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migrateStatusRollbackAndFailureBehaveAlikeOnEveryEngine(Engine engine) throws Exception {
        try (TestDatabase db = TestDatabases.fresh(engine)) {
            Path migrations = Files.createDirectories(dir.resolve("db/migration"));
            Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id INT PRIMARY KEY);\n");
            Files.writeString(migrations.resolve("U1__users.sql"), "DROP TABLE users;\n");
            Files.writeString(migrations.resolve("V1.1__seed.sql"), "INSERT INTO users (id) VALUES (1);\n");
            Files.writeString(migrations.resolve("U1.1__seed.sql"), "DELETE FROM users WHERE id = 1;\n");

            assertThat(DbCommandIT.stable(run(db, "db", "migrate").out())).isEqualTo("""
                    Applied V1__users.sql (<time>)
                    Applied V1.1__seed.sql (<time>)
                    Schema version 1.1 · 2 migrations applied in <time>
                    """);
            assertThat(run(db, "db", "status").out()).endsWith("Schema version 1.1 · 0 pending · 0 failed\n");
            assertThat(DbCommandIT.stable(
                            run(db, "db", "rollback", "--steps", "2").out()))
                    .isEqualTo("""
                    Undid version 1.1 with U1.1__seed.sql (<time>)
                    Undid version 1 with U1__users.sql (<time>)
                    Schema version none · 2 versions rolled back in <time>
                    """);

            Files.writeString(migrations.resolve("V2__broken.sql"), "SELECT * FROM no_such_table;\n");
            Cli.Run failed = run(db, "db", "migrate");
            assertThat(failed.exitCode()).isEqualTo(1);
            // progress lines ([3/3] ...) come first when the run took over two seconds on a busy machine
            assertThat(failed.err().lines().filter(l -> !l.startsWith("[")).findFirst())
                    .hasValueSatisfying(l -> assertThat(l)
                            .startsWith("error [MIGRATION_FAILED]: Migration V2__broken.sql failed at line 1"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSyntaxErrorIsPlacedAtItsLineAndColumnInTheFileNotInTheStatement(Engine engine) throws Exception {
        try (TestDatabase db = TestDatabases.fresh(engine)) {
            Path migrations = Files.createDirectories(dir.resolve("db/migration"));
            Files.writeString(migrations.resolve("V1__names.sql"), """
                    -- names, with a typo on line 5
                    CREATE TABLE ok (id INT);
                    CREATE TABLE names (
                        id INT,
                        name VARCHAR(20) NOT NUL
                    );
                    """);

            Cli.Run failed = run(db, "db", "migrate");

            assertThat(failed.exitCode()).isEqualTo(1);
            // PostgreSQL says "Position: 58" (in the statement), MariaDB "at line 3" (of the statement), SQLite
            // near "NUL", H2 marks the statement with [*] (before NOT, where its parser stopped)
            int column = engine == Engine.H2 ? 22 : 26;
            assertThat(failed.err()
                            .lines()
                            .filter(l -> !l.startsWith("["))
                            .findFirst()
                            .orElseThrow())
                    .startsWith("error [MIGRATION_FAILED]: Migration V1__names.sql failed at line 5, column " + column
                            + " (statement 2 of 2): ")
                    .contains("NUL")
                    .doesNotContain("Position:")
                    .doesNotContain("at line 3");
        }
    }

    private Cli.Run run(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", db.url()));
        if (db.user() != null) {
            all.addAll(List.of("--user", db.user()));
        }
        if (db.password() != null && !db.password().isEmpty()) {
            all.addAll(List.of("--password", db.password()));
        }
        return new Cli(Map.of(), dir).run(all.toArray(String[]::new));
    }
}
