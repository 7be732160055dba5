package dev.keelson.cli.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.InProcessKeelson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code keelson add resource} in-process on a project {@code keelson new --minimal} made. */
class AddResourceCommandTest {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void newProject() {
        InProcessKeelson.Run made = keelson("new", "shop", "--minimal");
        assertThat(made.exitCode()).as(made.err()).isZero();
        project = dir.resolve("shop");
    }

    private InProcessKeelson.Run keelson(String... args) {
        return new InProcessKeelson(dir).run(args);
    }

    @Test
    void aResourceIsAddedAndTheOutputListsItsFiles() {
        InProcessKeelson.Run run =
                keelson("add", "resource", "product", "title:text(200)", "price:money", "--dir", "shop");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Added /api/v1/products to " + project + " (")
                .contains(
                        "  created src/main/resources/db/migration/V5__products.sql\n",
                        "  created src/main/java/com/example/shop/product/ProductController.java\n",
                        "Next:\n  cd shop\n");
        assertThat(project.resolve("src/main/resources/db/migration/U5__products.sql"))
                .isRegularFile();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aDryRunListsTheFilesAsJsonAndWritesNothing() throws IOException {
        InProcessKeelson.Run run =
                keelson("add", "resource", "product", "title:text", "--dir", "shop", "--dry-run", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(run.out());
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
        assertThat(doc.get("path").asString()).isEqualTo("/api/v1/products");
        assertThat(doc.get("created").toString()).contains("src/main/resources/db/migration/V5__products.sql");
        assertThat(project.resolve("src/main/resources/db/migration/V5__products.sql"))
                .doesNotExist();
    }

    @Test
    void anUnknownFieldTypeIsABadUsageOfOneLine() {
        InProcessKeelson.Run run = keelson("add", "resource", "product", "title:varchar", "--dir", "shop");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("error [INVALID_FIELD]: Invalid field 'title:varchar': unknown type 'varchar': use "
                        + "text(MAX), integer, decimal(P,S), money, boolean, date, timestamp, enum(A,B,...) or "
                        + "ref(RESOURCE)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aFolderNotMadeByKeelsonNewIsABadUsage() {
        InProcessKeelson.Run run = keelson("add", "resource", "product", "title:text");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("error [NOT_A_KEELSON_PROJECT]: " + dir + " is not a project made by keelson new (it has no "
                        + "pom.xml): run it in such a project or pass --dir\n");
    }

    @Test
    void uncommittedChangesAreRefusedUntilAllowed() throws IOException {
        Files.writeString(project.resolve("TODO.md"), "later");

        InProcessKeelson.Run refused = keelson("add", "resource", "product", "title:text", "--dir", "shop");
        InProcessKeelson.Run allowed =
                keelson("add", "resource", "product", "title:text", "--dir", "shop", "--allow-dirty");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).startsWith("error [UNCOMMITTED_CHANGES]: ").contains("pass --allow-dirty");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    }

    @Test
    void withoutFieldsTheUsageNamesWhatIsMissing() {
        InProcessKeelson.Run run = keelson("add", "resource", "product", "--dir", "shop");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Missing required parameter: 'FIELD'");
    }
}
