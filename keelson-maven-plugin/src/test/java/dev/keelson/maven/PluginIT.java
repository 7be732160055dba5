package dev.keelson.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Maven builds of a small project that uses the plugin, against fresh databases on the local PostgreSQL and
 * MariaDB: the goals do what {@code keelson db} does, and a failed migration fails the build with the engine's message.
 */
class PluginIT {
    @TempDir
    Path project;

    @Test
    void theGoalsMigrateCheckAndRollBackAPostgresDatabase() throws Exception {
        writeProject();
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL)) {
            // the URL from the environment, as the CLI reads it
            Map<String, String> env = Map.of("KEELSON_DB_URL", db.url(), "KEELSON_DB_USER", db.user());
            Build build =
                    mvn(env, "keelson:lint", "keelson:migrate", "keelson:status", "keelson:validate", "keelson:diff");
            assertThat(build.exit).as(build.output).isZero();
            assertThat(build.output)
                    .contains("applied V1__orders.sql")
                    .contains("applied V2__order_notes.sql")
                    .contains("Schema at version 2")
                    .contains("Valid: every applied migration matches its file")
                    .contains("No drift: the database matches its migrations");
            assertThat(columnExists(db, "orders", "note")).isTrue();

            Build rollback = mvn(env, "keelson:rollback");
            assertThat(rollback.exit).as(rollback.output).isZero();
            assertThat(rollback.output).contains("undid U2__order_notes.sql").contains("Schema at version 1");
            assertThat(columnExists(db, "orders", "note")).isFalse();

            execute(db, "ALTER TABLE orders ADD COLUMN hand_made text");
            Build drift = mvn(env, "keelson:diff");
            assertThat(drift.exit).isOne();
            assertThat(drift.output).contains("hand_made").contains("The database differs from its migrations");
        }
    }

    @Test
    void aFailedMigrationFailsTheBuildWithTheEnginesMessage() throws Exception {
        writeProject();
        Files.writeString(
                project.resolve("migrations/V3__broken.sql"),
                "CREATE TABLE broken (id bigint REFERENCES nowhere (id));\n");
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL)) {
            Build build = mvn(Map.of(), "-Dkeelson.url=" + db.url(), "-Dkeelson.user=" + db.user(), "keelson:migrate");

            assertThat(build.exit).isOne();
            assertThat(build.output)
                    .contains("BUILD FAILURE")
                    .contains("Migration V3__broken.sql failed at line 1")
                    .contains("SQLState 42P01");
            assertThat(columnExists(db, "orders", "note"))
                    .as("V1 and V2 ran before V3 failed")
                    .isTrue();
        }
    }

    @Test
    void migrateAndRollbackOnMariaDb() throws Exception {
        writeProject();
        try (TestDatabase db = TestDatabases.fresh(Engine.MARIADB)) {
            Build build = mvn(
                    Map.of(),
                    "-Dkeelson.url=" + db.url(),
                    "-Dkeelson.user=" + db.user(),
                    "-Dkeelson.password=" + (db.password() == null ? "" : db.password()),
                    "keelson:migrate",
                    "keelson:rollback",
                    "keelson:status");

            assertThat(build.exit).as(build.output).isZero();
            assertThat(build.output).contains("applied V2__order_notes.sql").contains("undid U2__order_notes.sql");
            assertThat(columnExists(db, "orders", "note")).isFalse();
            assertThat(columnExists(db, "orders", "id")).isTrue();
        }
    }

    @Test
    void lintFailsTheBuildOnAnErrorFindingUnlessKeelsonPropertiesLowersItsSeverity() throws Exception {
        writeProject();
        Files.writeString(project.resolve("migrations/V3__forget_orders.sql"), "DELETE FROM orders;\n");

        Build failing = mvn(Map.of(), "keelson:lint");
        assertThat(failing.exit).isOne();
        assertThat(failing.output)
                .contains("V3__forget_orders.sql:1 [data-change-without-where]")
                .contains("The lint found 1 error(s)");

        Files.writeString(project.resolve("keelson.properties"), "lint.severity.data-change-without-where=warning\n");
        Build passing = mvn(Map.of(), "keelson:lint");
        assertThat(passing.exit).as(passing.output).isZero();
        assertThat(passing.output)
                .contains("[WARNING] migrations/V3__forget_orders.sql:1 [data-change-without-where]")
                .contains("Lint: no errors");
    }

    @Test
    void noDatabaseUrlAnywhereFailsTheBuildNamingWhereToSetIt() throws Exception {
        writeProject();
        Build build = mvn(Map.of(), "keelson:status");

        assertThat(build.exit).isOne();
        assertThat(build.output)
                .contains("No database URL: set <url> in the plugin's configuration, pass "
                        + "-Dkeelson.url=jdbc:..., set KEELSON_DB_URL");
    }

    private void writeProject() throws IOException {
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>it.keelson</groupId>
                  <artifactId>sample</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.keelson</groupId>
                        <artifactId>keelson-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <locations>
                            <location>filesystem:migrations</location>
                          </locations>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(System.getProperty("keelson.version")));
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("U1__orders.sql"), "DROP TABLE orders;\n");
        Files.writeString(migrations.resolve("V2__order_notes.sql"), "ALTER TABLE orders ADD COLUMN note text;\n");
        Files.writeString(
                migrations.resolve("U2__order_notes.sql"),
                "-- keelson:lint-ignore drop-table-or-column the undo of V2\nALTER TABLE orders DROP COLUMN note;\n");
    }

    private record Build(int exit, String output) {}

    /** {@code mvn GOALS} in the project, offline, with the plugin from target/it-repo; env is added to this one's. */
    private Build mvn(Map<String, String> env, String... goals)
            throws IOException, InterruptedException, URISyntaxException {
        Path settings = Path.of(PluginIT.class.getResource("/it-settings.xml").toURI());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("keelson.mavenHome"), "bin", "mvn").toString(),
                "-B",
                "-ntp",
                "-o",
                "-Daether.offline.protocols=file",
                "-Dstyle.color=never",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + System.getProperty("keelson.itRepository"),
                "-Dkeelson.outerRepository="
                        + Path.of(System.getProperty("keelson.localRepository")).toUri()));
        command.addAll(List.of(goals));
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = new HashMap<>(builder.environment());
        environment.keySet().removeIf(k -> k.startsWith("KEELSON_DB_") || k.equals("MAVEN_ARGS"));
        environment.putAll(env);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + List.of(goals) + " did not finish in 5 minutes");
        }
        return new Build(process.exitValue(), Files.readString(log));
    }

    private static boolean columnExists(TestDatabase db, String table, String column) throws SQLException {
        try (Connection c = db.connect();
                ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, column)) {
            return rs.next();
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
