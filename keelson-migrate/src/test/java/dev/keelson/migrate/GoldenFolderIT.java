package dev.keelson.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keelson.migrate.internal.database.mysql.MysqlDialect;
import dev.keelson.migrate.internal.resolve.ScriptName;
import dev.keelson.migrate.internal.sql.SqlStatement;
import dev.keelson.migrate.internal.sql.StatementSplitter;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The golden folders (src/test/resources/golden, written by src/test/golden/generate.py: 84 versions with their
 * undo files per dialect) applied through keelson on one database and through the database's own client on
 * another: the schema dumps ({@code pg_dump --schema-only}, {@code mysqldump --no-data --routines --triggers}) must
 * be identical, before and after everything is rolled back (keelson's {@code rollback --all} against the client
 * running the undo files newest first), and the rolled-back schema must be the empty one. The lint runs before
 * migrate and rollback as it does by default and must find no error on this fresh database.
 */
class GoldenFolderIT {

    @Test
    void postgresqlThroughKeelsonAndThroughPsqlGiveTheSameSchemaAndRollBackToEmpty() throws Exception {
        requireTools("psql", "pg_dump");
        Path folder = folder("postgresql");
        try (TestDatabase keelson = TestDatabases.fresh(Engine.POSTGRESQL);
                TestDatabase client = TestDatabases.fresh(Engine.POSTGRESQL)) {
            String empty = pgDump(client);
            MigrateResult result = migrator(keelson, folder).migrate(MigrateOptions.latest());
            assertThat(result.migrations()).hasSize(84);
            psql(client, files(folder, "V", false));
            String applied = pgDump(keelson);
            assertThat(applied)
                    .contains(
                            "CREATE MATERIALIZED VIEW",
                            "PARTITION BY RANGE",
                            "GENERATED ALWAYS AS",
                            "CREATE PROCEDURE",
                            "CREATE TRIGGER",
                            "AS ENUM");
            assertThat(applied).isEqualTo(pgDump(client));

            assertThat(migrator(keelson, folder).rollback(RollbackOptions.all()).undone())
                    .hasSize(84);
            psql(client, files(folder, "U", true));
            assertThat(pgDump(keelson)).isEqualTo(pgDump(client)).isEqualTo(empty);
        }
    }

    @Test
    void mariadbThroughKeelsonAndThroughTheMysqlClientGiveTheSameSchemaAndRollBackToEmpty() throws Exception {
        requireTools("mysql", "mysqldump");
        Path folder = folder("mariadb");
        try (TestDatabase keelson = TestDatabases.fresh(Engine.MARIADB);
                TestDatabase client = TestDatabases.fresh(Engine.MARIADB)) {
            String empty = mysqldump(client);
            MigrateResult result = migrator(keelson, folder).migrate(MigrateOptions.latest());
            assertThat(result.migrations()).hasSize(84);
            mysql(client, files(folder, "V", false));
            String applied = mysqldump(keelson);
            assertThat(applied)
                    .contains(
                            "PARTITION BY RANGE",
                            "VIRTUAL",
                            "STORED",
                            "CREATE DEFINER",
                            "PROCEDURE",
                            "FUNCTION",
                            "TRIGGER",
                            "CREATE TABLE `Count`");
            assertThat(applied).isEqualTo(mysqldump(client));

            assertThat(migrator(keelson, folder).rollback(RollbackOptions.all()).undone())
                    .hasSize(84);
            mysql(client, files(folder, "U", true));
            assertThat(mysqldump(keelson)).isEqualTo(mysqldump(client)).isEqualTo(empty);
        }
    }

    private static Migrator migrator(TestDatabase db, Path folder) {
        return Migrator.configure()
                .url(db.url())
                .user(db.user())
                .password(db.password())
                .location("filesystem:" + folder)
                .build();
    }

    /** The {@code prefix} files of {@code folder} in version order, newest first when {@code reversed}. */
    private static List<Path> files(Path folder, String prefix, boolean reversed) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            Comparator<Path> byVersion = Comparator.comparing((Path p) ->
                    ScriptName.parse(p.getFileName().toString()).orElseThrow().version());
            return all.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .sorted(reversed ? byVersion.reversed() : byVersion)
                    .toList();
        }
    }

    private static void psql(TestDatabase db, List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(pgConnection("psql", db));
        command.addAll(List.of("-X", "-q", "-v", "ON_ERROR_STOP=1"));
        files.forEach(f -> command.addAll(List.of("-f", f.toString())));
        run(command, null);
    }

    private static String pgDump(TestDatabase db) throws Exception {
        List<String> command = new ArrayList<>(pgConnection("pg_dump", db));
        command.addAll(List.of(
                "--schema-only", "--no-owner", "--no-privileges", "--exclude-table=" + Migrator.DEFAULT_HISTORY_TABLE));
        // \restrict lines carry a random key (pg_dump 15.14+); comments name nothing that differs, but are noise
        return normalize(run(command, null), "\\\\(un)?restrict .*|--.*");
    }

    private static List<String> pgConnection(String tool, TestDatabase db) {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        String name = uri.getPath().substring(1);
        return List.of(tool, "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", db.user(), "-d", name);
    }

    /**
     * Feeds the client every statement of the files, each ended by a {@code DELIMITER} of its own: the files'
     * routines carry no {@code DELIMITER} lines (keelson needs none), which the client needs for a body with
     * semicolons. The statements are the files' own, split by keelson's splitter.
     */
    private static void mysql(TestDatabase db, List<Path> files) throws Exception {
        StringBuilder script = new StringBuilder("DELIMITER $$\n");
        for (Path f : files) {
            for (SqlStatement s : new StatementSplitter(new MysqlDialect().splitRules()).split(Files.readString(f))) {
                script.append(s.sql()).append("\n$$\n");
            }
        }
        run(mysqlConnection("mysql", db, "--default-character-set=utf8mb4"), script.toString());
    }

    private static String mysqldump(TestDatabase db) throws Exception {
        String name = mysqlName(db);
        List<String> command = new ArrayList<>(mysqlConnection(
                "mysqldump",
                db,
                "--no-data",
                "--routines",
                "--triggers",
                "--skip-dump-date",
                "--ignore-table=" + name + "." + Migrator.DEFAULT_HISTORY_TABLE));
        return normalize(run(command, null), "-- .*|--").replaceAll(" AUTO_INCREMENT=\\d+", "");
    }

    private static List<String> mysqlConnection(String tool, TestDatabase db, String... options) {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(
                List.of(tool, "-h", uri.getHost(), "-P", String.valueOf(uri.getPort()), "-u", db.user()));
        if (db.password() != null && !db.password().isEmpty()) {
            command.add("-p" + db.password());
        }
        command.addAll(List.of(options));
        command.add(mysqlName(db));
        return command;
    }

    private static String mysqlName(TestDatabase db) {
        String path = URI.create(db.url().substring("jdbc:".length())).getPath();
        return path.substring(1);
    }

    private static String normalize(String dump, String dropLines) {
        return String.join("\n", dump.lines().filter(l -> !l.matches(dropLines)).toList())
                .strip();
    }

    private static String run(List<String> command, String input) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as("%s finished", command.getFirst())
                .isTrue();
        assertThat(p.exitValue())
                .as("%s failed: %s", command.getFirst(), new String(err, StandardCharsets.UTF_8))
                .isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void requireTools(String... tools) {
        for (String tool : tools) {
            boolean found = Stream.of(Objects.requireNonNullElse(System.getenv("PATH"), "")
                            .split(":"))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            if (TestDatabases.ci()) {
                assertThat(found)
                        .as("%s on the PATH (CI requires the database clients)", tool)
                        .isTrue();
            }
            assumeTrue(found, tool + " is not installed: the golden comparison needs the database's own client");
        }
    }

    private static Path folder(String dialect) throws Exception {
        return Path.of(Objects.requireNonNull(GoldenFolderIT.class.getResource("/golden/" + dialect))
                .toURI());
    }
}
