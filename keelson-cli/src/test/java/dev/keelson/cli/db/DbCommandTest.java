package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keelson db} without a database: options, configuration mistakes, help, {@code new}. */
class DbCommandTest {
    @TempDir
    Path dir;

    private Cli cli() {
        return new Cli(Map.of(), dir);
    }

    @Test
    void missingUrlSaysTheThreeWaysToSetItAndExitsWithTwo() {
        Cli.Run run = cli().run("db", "status");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("error: No database URL: pass --url jdbc:..., set KEELSON_DB_URL, or add "
                        + "db.url=jdbc:... to keelson.properties in " + dir + "\n");
    }

    @Test
    void missingUrlInJsonModePrintsAnErrorDocumentOnStandardOutput() {
        Cli.Run run = cli().run("db", "status", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("""
                {
                  "format" : 1,
                  "error" : {
                    "code" : "USAGE",
                    "message" : "No database URL: pass --url jdbc:..., set KEELSON_DB_URL, or add db.url=jdbc:... to keelson.properties in %s"
                  }
                }
                """.formatted(dir));
    }

    @Test
    void stepsAndToTogetherAreABadUsage() {
        Cli.Run run = cli().run("db", "rollback", "--steps", "2", "--to", "1", "--url", "jdbc:h2:mem:x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.firstErrLine())
                .isEqualTo("Error: --steps=N, --to=VERSION are mutually exclusive (specify only one)");
        assertThat(run.err()).contains("Usage: keelson db rollback");
    }

    @Test
    void aTargetThatIsNotAVersionIsABadUsage() {
        Cli.Run run = cli().run("db", "migrate", "--target", "v2", "--url", "jdbc:h2:mem:x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine())
                .isEqualTo("Invalid value for option '--target': 'v2' is not a version: "
                        + "use digits separated by dots, like 1, 1.2 or 20261121093000");
    }

    @Test
    void aPlaceholderWithoutAnEqualsSignIsABadUsage() {
        Cli.Run run = cli().run("db", "migrate", "--placeholder", "schema", "--url", "jdbc:h2:mem:x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine())
                .isEqualTo(
                        "Value for option option '--placeholder' (NAME=VALUE) should be in KEY=VALUE format but was schema");
    }

    @Test
    void anUnknownOptionIsABadUsage() {
        Cli.Run run = cli().run("db", "migrate", "--bogus");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("Unknown option: '--bogus'");
    }

    @Test
    void aBadLockTimeoutIsABadUsage() {
        Cli.Run run = cli().run("db", "migrate", "--lock-timeout", "soon", "--url", "jdbc:h2:mem:x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine())
                .isEqualTo("Invalid value for option '--lock-timeout': "
                        + "'soon' is not a duration: use a number with ms, s, m or h, like 30s or 5m");
    }

    @Test
    void aUrlThatIsNeitherJdbcNorMongoDbIsAConfigurationError() {
        Cli.Run run = cli().run("db", "status", "--url", "postgres://localhost/test");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("error [CONFIGURATION]: The URL 'postgres://localhost/test' is neither a JDBC URL (jdbc:...)"
                        + " nor a MongoDB URL (mongodb://...)\n");
    }

    @Test
    void everyCommandHasHelpWithItsExitCodes() {
        for (String command : new String[] {"new", "migrate", "rollback", "status", "validate", "repair", "baseline"}) {
            Cli.Run run = cli().run("db", command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out())
                    .as(command)
                    .startsWith("Usage: keelson db " + command)
                    .contains("Exit codes (", "  2     ");
        }
    }

    @Test
    void dbWithoutACommandPrintsUsageAndExitsWithTwo() {
        Cli.Run run = cli().run("db");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Usage: keelson db").contains("migrate", "rollback", "status");
    }

    @Test
    void newWritesTheNextVersionedAndUndoFilesAndPrintsTheirPaths() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_users.sql"), "create table users (id int);\n");
        Files.writeString(migrations.resolve("V2.1__add_email.sql"), "alter table users add email text;\n");

        Cli.Run run = cli().run("db", "new", "create", "orders");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("Created db/migration/V3__create_orders.sql\nCreated db/migration/U3__create_orders.sql\n");
        assertThat(migrations.resolve("V3__create_orders.sql")).exists();
        assertThat(migrations.resolve("U3__create_orders.sql")).exists();
    }

    @Test
    void newUsesTheDirFromKeelsonProperties() throws IOException {
        Files.writeString(dir.resolve("keelson.properties"), "db.dir=sql\n");
        Cli.Run run = cli().run("db", "new", "first");
        assertThat(run.out()).isEqualTo("Created sql/V1__first.sql\nCreated sql/U1__first.sql\n");
    }

    @Test
    void newRefusesADescriptionWithoutLettersOrDigits() {
        Cli.Run run = cli().run("db", "new", "!!!");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("error [CONFIGURATION]: Give a description with letters or digits, like \"create users\"\n");
    }
}
