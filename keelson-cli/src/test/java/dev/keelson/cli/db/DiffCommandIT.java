package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.DocumentedShapes;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code keelson db diff} end to end on the real local PostgreSQL and MariaDB. */
class DiffCommandIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Cli.Run keelson(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", db.url(), "--user", db.user()));
        if (db.password() != null) {
            all.addAll(List.of("--password", db.password()));
        }
        return new Cli(Map.of(), dir).run(all.toArray(String[]::new));
    }

    private static void execute(TestDatabase db, String... statements) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String q(Engine engine, String name) {
        return engine == Engine.POSTGRESQL ? "\"" + name + "\"" : "`" + name + "`";
    }

    private void folder(Engine engine, String name) throws Exception {
        Path m = Files.createDirectories(dir.resolve(name));
        String order = q(engine, "order");
        Files.writeString(m.resolve("V1__orders.sql"), """
                CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(100) NOT NULL UNIQUE);
                CREATE TABLE %s (
                    id bigint PRIMARY KEY,
                    customer_id bigint NOT NULL REFERENCES customers (id),
                    created_at timestamp NOT NULL
                );
                """.formatted(order));
        Files.writeString(m.resolve("U1__orders.sql"), "DROP TABLE " + order + ";\nDROP TABLE customers;\n");
    }

    private void drift(TestDatabase db, Engine engine) throws SQLException {
        String order = q(engine, "order");
        execute(
                db,
                "CREATE INDEX order_created_at ON " + order + " (created_at)",
                "ALTER TABLE " + order + " ADD COLUMN " + q(engine, "Gift Note") + " varchar(200)");
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void aHandMadeChangeIsReportedGroupedByTableWithExitOne(Engine engine) throws Exception {
        folder(engine, "db/migration");
        try (TestDatabase db = TestDatabases.fresh(engine)) {
            assertThat(keelson(db, "db", "migrate").exitCode()).isZero();
            Cli.Run clean = keelson(db, "db", "diff");
            assertThat(clean.out()).isEqualTo("No differences.\n");
            assertThat(clean.exitCode()).isZero();
            drift(db, engine);
            Cli.Run run = keelson(db, "db", "diff");
            assertThat(run.exitCode()).isEqualTo(1);
            String type = engine == Engine.POSTGRESQL ? "character varying(200)" : "varchar(200)";
            assertThat(run.out()).startsWith("""
                    2 differences between the database and the migrations

                    table order
                      column Gift Note: only in the database (%s, null)
                      index order_created_at: only in the database""".formatted(type));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void generatedFilesTakeTheDatabaseToTheFolderAndTheUndoBringsTheDriftBack(Engine engine) throws Exception {
        folder(engine, "db/migration");
        folder(engine, "original");
        try (TestDatabase db = TestDatabases.fresh(engine)) {
            keelson(db, "db", "migrate");
            drift(db, engine);
            String before = keelson(db, "db", "diff", "--dir", "original").out();
            Cli.Run generated = keelson(db, "db", "diff", "--generate", "remove drift");
            assertThat(generated.exitCode()).isZero();
            assertThat(generated.out())
                    .isEqualTo("Created db/migration/V2__remove_drift.sql (2 statements)\n"
                            + "Created db/migration/U2__remove_drift.sql (2 statements)\n");
            assertThat(keelson(db, "db", "migrate", "--no-lint").exitCode()).isZero();
            Cli.Run after = keelson(db, "db", "diff", "--dir", "original");
            assertThat(after.out()).isEqualTo("No differences.\n");
            if (engine == Engine.POSTGRESQL) {
                // the generated undo re-creates the index without CONCURRENTLY: the rollback's lint says so
                assertThat(keelson(db, "db", "rollback").err()).contains("error [pg-index-not-concurrent]");
            }
            assertThat(keelson(db, "db", "rollback", "--no-lint").exitCode()).isZero();
            Cli.Run undone = keelson(db, "db", "diff", "--dir", "original");
            assertThat(undone.exitCode()).isEqualTo(1);
            assertThat(undone.out()).isEqualTo(before);
        }
    }

    @Test
    void twoDatabasesAreComparedWithFromAndToAndJsonListsTheDifferences() throws Exception {
        try (TestDatabase a = TestDatabases.fresh(Engine.POSTGRESQL);
                TestDatabase b = TestDatabases.fresh(Engine.POSTGRESQL)) {
            execute(a, "CREATE TABLE t (id int PRIMARY KEY, \"Name\" text)");
            execute(b, "CREATE TABLE t (id int PRIMARY KEY, \"Name\" text NOT NULL DEFAULT 'x')");
            Cli.Run text =
                    new Cli(Map.of(), dir).run("db", "diff", "--from", a.url(), "--to", b.url(), "--user", a.user());
            assertThat(text.exitCode()).isEqualTo(1);
            assertThat(text.out()).isEqualTo("""
                    1 difference between --from and --to

                    table t
                      column Name: nullable differs: --from true, --to false
                      column Name: default differs: --from (none), --to 'x'::text
                    """);
            Cli.Run json = new Cli(Map.of(), dir)
                    .run("db", "diff", "--from", a.url(), "--to", b.url(), "--user", a.user(), "--format", "json");
            JsonNode doc = DocumentedShapes.assertShape("db diff", json.out());
            assertThat(doc.get("equal").asBoolean()).isFalse();
            JsonNode d = doc.get("differences").get(0);
            assertThat(d.get("kind").asString()).isEqualTo("column");
            assertThat(d.get("change").asString()).isEqualTo("changed");
            assertThat(d.get("to").get("default").asString()).isEqualTo("'x'::text");
        }
    }

    @Test
    void onlyOneOfFromAndToIsBadUsage() {
        Cli.Run run = new Cli(Map.of(), dir).run("db", "diff", "--from", "jdbc:postgresql://127.0.0.1/test");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine())
                .isEqualTo("error: Give both --from and --to to compare two databases, or neither "
                        + "to compare the database with its migrations");
    }
}
