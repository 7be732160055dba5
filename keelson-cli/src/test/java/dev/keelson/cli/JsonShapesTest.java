package dev.keelson.cli;

import static dev.keelson.cli.DocumentedShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every command's {@code --format json} document against the shapes table of docs/cli.md, in-process on a SQLite file
 * (the load documents are checked in {@code LoadCommandIT}, which runs a server, and {@code demo}'s in
 * {@code DemoCommandTest}; {@code db diff} needs a server and is checked in {@code DiffCommandIT}).
 */
class JsonShapesTest {
    @TempDir
    Path dir;

    private InProcessKeelson.Run run(String... args) {
        return new InProcessKeelson(dir).run(args);
    }

    private InProcessKeelson.Run db(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url";
        all[args.length + 1] = "jdbc:sqlite:" + dir.resolve("shapes.db");
        all[args.length + 2] = "--format";
        all[args.length + 3] = "json";
        return run(all);
    }

    @Test
    void everyDbDocumentHasTheDocumentedShape() throws IOException {
        InProcessKeelson.Run created = run("db", "new", "create", "users", "--format", "json");
        JsonNode files = assertShape("db new", created.out());
        assertThat(files.get("versioned").asString())
                .isEqualTo(Path.of("db/migration/V1__create_users.sql").toString());
        Files.writeString(dir.resolve(files.get("versioned").asString()), "CREATE TABLE users (id INTEGER);\n");
        Files.writeString(dir.resolve(files.get("undo").asString()), "DROP TABLE users;\n");

        assertThat(assertShape("db migrate", db("db", "migrate").out()).get("migrations"))
                .hasSize(1);
        assertThat(assertShape("db status", db("db", "status").out()).get("migrations"))
                .hasSize(1);
        assertThat(assertShape("db validate", db("db", "validate").out())
                        .get("valid")
                        .asBoolean())
                .isTrue();
        assertShape("db lint", run("db", "lint", "--format", "json").out());
        assertShape("db repair", db("db", "repair").out());
        assertThat(assertShape("db rollback", db("db", "rollback").out()).get("undone"))
                .hasSize(1);
        Files.delete(dir.resolve("shapes.db"));
        assertShape("db baseline", db("db", "baseline", "--version", "1").out());
    }

    @Test
    void aDbFailureIsAnErrorDocumentWithTheExitCodeOfTextMode() throws IOException {
        Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(dir.resolve("db/migration/V1__broken.sql"), "CREATE TABLE (;\n");

        // --quiet: on a loaded machine a run over two seconds would print its progress line first
        InProcessKeelson.Run failed = db("db", "migrate", "--quiet");

        assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
        JsonNode doc = assertShape("db failure", failed.out());
        assertThat(doc.get("error").get("code").asString()).isEqualTo("MIGRATION_FAILED");
        assertThat(failed.err()).startsWith("error [MIGRATION_FAILED]: Migration V1__broken.sql failed at line 1");
    }

    @Test
    void loadInitPrintsTheDocumentedShape() throws IOException {
        Files.copy(
                Path.of("../keelson-load/src/test/resources/dev/keelson/load/har/shop.har"), dir.resolve("shop.har"));

        InProcessKeelson.Run drafted = run("load", "init", "--har", "shop.har", "--format", "json");

        assertThat(drafted.exitCode()).as(drafted.err()).isZero();
        JsonNode doc = assertShape("load init", drafted.out());
        assertThat(doc.get("scenarios")).hasSize(2);
        assertThat(doc.get("scenarios").get(0).propertyNames())
                .containsExactly("file", "target", "steps", "feed", "feedColumns");
        assertThat(doc.get("notes").get(0).asString()).startsWith("left out the headers");
    }

    @Test
    void newWithDryRunPrintsTheDocumentedShape() {
        InProcessKeelson.Run planned = run("new", "shapes-api", "--dry-run", "--format", "json");

        assertThat(planned.exitCode()).isZero();
        JsonNode doc = assertShape("new", planned.out());
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
        assertThat(doc.get("files").size()).isGreaterThan(10);
        assertThat(dir.resolve("shapes-api")).doesNotExist();
    }
}
