package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding resources to real generated projects (one with every default feature, one {@code --minimal}): what is
 * written, what is refused with nothing written, and that a failed write leaves the project as it was.
 */
class AddResourceTest {
    @TempDir
    static Path workspace;

    static Path full;
    static Path minimal;

    @BeforeAll
    static void generate() {
        full = Scaffold.configure()
                .name("full")
                .parentDirectory(workspace)
                .build()
                .generate()
                .directory();
        minimal = minimalProject("small");
    }

    /** A new project without auth, Redis and jobs ({@code --minimal}), committed. */
    private static Path minimalProject(String name) {
        return Scaffold.configure()
                .name(name)
                .without(Feature.AUTH, Feature.REDIS, Feature.JOBS)
                .parentDirectory(workspace)
                .build()
                .generate()
                .directory();
    }

    private static AddResource.Builder add(Path project, String name, String... fields) {
        return AddResource.configure().project(project).name(name).fields(List.of(fields));
    }

    @Test
    void theProjectsFeaturesAndNextMigrationVersionAreRead() {
        AddResource inFull = add(full, "product", "title:text(200)").build();
        AddResource inMinimal = add(minimal, "product", "title:text(200)").build();

        assertThat(inFull.projectFeatures()).contains(Feature.AUTH, Feature.REDIS, Feature.JOBS);
        assertThat(inMinimal.projectFeatures()).doesNotContain(Feature.AUTH, Feature.REDIS, Feature.JOBS);
        assertThat(inFull.files())
                .contains(
                        "src/main/resources/db/migration/V8__products.sql",
                        "src/main/resources/db/migration/U8__products.sql");
        assertThat(inMinimal.files()).contains("src/main/resources/db/migration/V5__products.sql");
    }

    @Test
    void aDryRunWritesNothing() throws IOException {
        add(minimal, "gadget", "title:text").build().files();

        assertThat(git(minimal, "status", "--porcelain")).isEmpty();
    }

    @Test
    void aNameThatCollidesIsRefused() {
        assertRefused(
                add(full, "order", "title:text"), ScaffoldErrorCode.NAME_TAKEN, "Cannot add 'order': the package");
        assertRefused(add(full, "user", "title:text"), ScaffoldErrorCode.NAME_TAKEN, "Cannot add 'user': the package");
        assertRefused(add(full, "platform", "title:text"), ScaffoldErrorCode.NAME_TAKEN, "the package");
        assertRefused(
                add(full, "order-line", "title:text"),
                ScaffoldErrorCode.NAME_TAKEN,
                "Cannot add 'order-line': a migration already creates the table order_lines; choose another name");
    }

    @Test
    void anUnknownFieldTypeOrReferenceIsRefused() {
        assertRefused(add(full, "thing", "title:varchar"), ScaffoldErrorCode.INVALID_FIELD, "unknown type 'varchar'");
        assertRefused(
                add(minimal, "thing", "owner2:ref(user)"),
                ScaffoldErrorCode.INVALID_FIELD,
                "Invalid field 'owner2:ref(user)': the project has no resource 'user' to refer to; refer to one added "
                        + "with keelson add resource or to order, or add it first");
        assertRefused(add(full, "thing"), ScaffoldErrorCode.INVALID_FIELD, "A resource needs at least one field");
    }

    @Test
    void aFolderNotMadeByKeelsonNewIsRefused() throws IOException {
        Path other = Files.createDirectories(workspace.resolve("other"));
        Files.writeString(other.resolve("pom.xml"), "<project/>");

        assertRefused(
                add(other, "thing", "title:text"),
                ScaffoldErrorCode.NOT_A_KEELSON_PROJECT,
                other + " is not a project made by keelson new (its pom.xml does not use "
                        + "keelson-migrate-spring-boot-starter): run it in such a project or pass --dir");
    }

    @Test
    void ownedNeedsAuth() {
        assertRefused(
                add(minimal, "thing", "title:text").owned(true), ScaffoldErrorCode.FEATURE_CONFLICT, "--owned needs");
    }

    @Test
    void uncommittedChangesAreRefusedUnlessAllowed() throws IOException {
        Path project = minimalProject("dirty");
        Files.writeString(project.resolve("NOTES.md"), "mine");

        assertRefused(
                add(project, "thing", "title:text"),
                ScaffoldErrorCode.UNCOMMITTED_CHANGES,
                project + ": it has 1 uncommitted change (NOTES.md); commit first, so the added files stand apart, "
                        + "or pass --allow-dirty");
        assertThat(add(project, "thing", "title:text")
                        .allowDirty(true)
                        .build()
                        .write()
                        .created())
                .isNotEmpty();
    }

    @Test
    void theResourceIsWrittenAndASecondIdenticalAddIsRefused() throws IOException {
        Path project = minimalProject("twice");
        AddResource add =
                add(project, "product", "title:text(200)", "price:money").build();

        AddedResource added = add.write();

        assertThat(added.changed()).containsExactly("load/scenario.yaml");
        assertThat(added.created()).isEqualTo(add.files().subList(1, add.files().size()));
        assertThat(added.path()).isEqualTo("/api/v1/products");
        assertThat(Files.readString(project.resolve("load/scenario.yaml")))
                .contains("  - name: list orders\n", "  - name: create product\n", "      productId: /data/id\n");
        for (String file : added.created()) {
            assertThat(project.resolve(file)).isRegularFile();
        }
        git(project, "add", "-A");
        git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "products");
        assertRefused(add(project, "product", "title:text"), ScaffoldErrorCode.NAME_TAKEN, "Cannot add 'product'");
    }

    @Test
    void aWriteThatFailsLeavesTheProjectAsItWas() throws IOException {
        Path project = minimalProject("atomic");
        AddResource add = add(project, "product", "title:text(200)").build();
        String last = add.files().getLast();
        Files.createDirectories(project.resolve(last));

        assertThatThrownBy(add::write)
                .isInstanceOf(ScaffoldException.class)
                .hasMessage(last + " exists already: choose another name; nothing was changed");

        Files.delete(project.resolve(last));
        assertThat(git(project, "status", "--porcelain", "--untracked-files=all", "--ignored"))
                .isEmpty();
        try (Stream<Path> files = Files.walk(project)) {
            assertThat(files.map(Path::toString).filter(p -> p.contains(".keelson-")))
                    .isEmpty();
        }
    }

    @Test
    void theCodeFitsTheAccessRuleAndTheProjectsFeatures() {
        AddResource adminManaged = add(full, "product", "title:text(200)").build();
        AddResource owned = add(full, "product", "title:text(200)").owned(true).build();
        AddResource open = add(minimal, "product", "title:text(200)").build();
        String controller = "src/main/java/com/example/full/product/ProductController.java";

        assertThat(adminManaged.files())
                .contains(
                        "src/main/java/com/example/full/product/Product.java",
                        "src/main/java/com/example/full/product/ProductInput.java",
                        "src/main/java/com/example/full/product/Products.java",
                        "src/main/java/com/example/full/product/ProductService.java",
                        controller,
                        "src/test/java/com/example/full/product/ProductsIT.java")
                .noneMatch(f -> f.contains("graphql"));
        String service = "src/main/java/com/example/full/product/ProductService.java";
        assertThat(text(adminManaged, service)).contains("caller.requireAdmin();");
        assertThat(text(adminManaged, controller)).contains("Caller caller,");
        assertThat(text(owned, service)).contains("caller.ownerFilter()").doesNotContain("requireAdmin");
        assertThat(text(owned, "src/main/java/com/example/full/product/Products.java"))
                .contains("user_id = :ownerFilter");
        assertThat(text(open, "src/main/java/com/example/small/product/Products.java"))
                .doesNotContain("user_id");
    }

    @Test
    void aProjectWithGraphQlGetsTheTypeAndItsController() {
        Path graphql = Scaffold.configure()
                .name("graph")
                .with(Feature.GRAPHQL)
                .parentDirectory(workspace)
                .build()
                .generate()
                .directory();

        AddResource add = add(graphql, "product", "title:text(200)", "status:enum(DRAFT,LIVE)")
                .build();

        assertThat(add.files())
                .contains(
                        "src/main/resources/graphql/products.graphqls",
                        "src/main/java/com/example/graph/graphql/ProductGraph.java");
        assertThat(text(add, "src/main/resources/graphql/products.graphqls"))
                .contains("extend type Query {", "type Product {", "input ProductInput {", "enum ProductStatus {");
    }

    @Test
    void everyFieldTypeBecomesAColumnWithItsChecksAndIndexes() {
        Path project = Scaffold.configure()
                .name("every")
                .parentDirectory(workspace)
                .build()
                .generate()
                .directory();
        add(project, "customer", "name:text(100)").build().write();
        AddResource add = add(project, "product", ResourceMigrationIT.EVERY_FIELD_TYPE.toArray(String[]::new))
                .owned(true)
                .allowDirty(true)
                .build();

        String sql = text(add, "src/main/resources/db/migration/V9__products.sql");

        assertThat(sql)
                .startsWith("-- Products, added with: keelson add resource product title:text(200):sort ")
                .contains(
                        "    user_id     uuid           NOT NULL REFERENCES users (id),",
                        "    title       text           NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),",
                        "    weight      numeric(8,3),",
                        "    status      text           NOT NULL CHECK (status IN ('DRAFT', 'LIVE')),",
                        "    customer_id uuid           REFERENCES customers (id),",
                        "CREATE INDEX products_customer_id_idx ON products (customer_id);",
                        "    order_id    uuid           REFERENCES orders (id),",
                        "CREATE INDEX products_order_id_idx ON products (order_id);",
                        "CREATE INDEX products_user_price_idx ON products (user_id, price, id);",
                        "CREATE INDEX products_price_sort_idx ON products (price, id);",
                        "CREATE INDEX products_launch_on_sort_idx ON products (launch_on, id);",
                        "CREATE UNIQUE INDEX products_sku_key ON products (sku) WHERE deleted_at IS NULL;");
        assertThat(text(add, "src/main/resources/db/migration/U9__products.sql"))
                .isEqualTo("DROP TABLE products;\n");
    }

    @Test
    void sortFieldsAreListedInTheServiceTheControllerAndItsOpenApiParameter() {
        Path project = Scaffold.configure()
                .name("sorted")
                .parentDirectory(workspace)
                .build()
                .generate()
                .directory();
        AddResource add = add(project, "book", "title:text(100):sort", "year:integer:optional:sort", "isbn:text(20)")
                .build();
        String pkg = "src/main/java/com/example/sorted/book/";

        assertThat(text(add, pkg + "BookService.java"))
                .contains(
                        "Sorts.of(\"books\", Book::id, Book::createdAt)",
                        ".and(\"title\", \"title\", \"text\", false, Book::title)",
                        ".and(\"year\", \"year\", \"integer\", true, Book::year)")
                .doesNotContain("\"isbn\", \"isbn\"");
        assertThat(text(add, pkg + "BookController.java"))
                .contains(
                        "allowableValues = {\"createdAt\", \"-createdAt\", \"title\", \"-title\", \"year\", \"-year\"}");
        assertThat(text(add, "src/main/resources/db/migration/V8__books.sql"))
                .contains(
                        "CREATE INDEX books_title_sort_idx ON books (title, id);",
                        "CREATE INDEX books_year_sort_idx ON books (year, id);")
                .doesNotContain("(isbn, id)");
    }

    @Test
    void aReferenceToAnOwnedTableCountsOnlyTheCallersRows() {
        Path project = Scaffold.configure()
                .name("owning")
                .parentDirectory(workspace)
                .build()
                .generate()
                .directory();
        AddResource owned = add(project, "receipt", "order:ref(order)", "note:text(100)")
                .owned(true)
                .build();
        AddResource managed = add(project, "refund", "order:ref(order)").build();
        String receipts = "src/main/java/com/example/owning/receipt/";

        assertThat(text(owned, receipts + "Receipts.java"))
                .contains("boolean orderExists(UUID ownerFilter, UUID id)", "OR user_id = :ownerFilter");
        assertThat(text(owned, receipts + "ReceiptService.java"))
                .contains("!receipts.orderExists(caller.ownerFilter(), input.orderId())");
        assertThat(text(owned, "src/test/java/com/example/owning/receipt/ReceiptsIT.java"))
                .contains("void aReferenceToAnotherUsersOrderIsRefusedLikeAMissingOne()", "private UUID aOrder(");
        assertThat(text(managed, "src/test/java/com/example/owning/refund/RefundsIT.java"))
                .doesNotContain("aReferenceToAnotherUsers");
        assertThat(text(owned, "src/main/resources/db/migration/V8__receipts.sql"))
                .contains("order_id   uuid           NOT NULL REFERENCES orders (id),");
    }

    @Test
    void everyGeneratedJavaFileParsesWhateverTheFieldsAndTheAccessRule() {
        Path project = Scaffold.configure()
                .name("parsed")
                .with(Feature.GRAPHQL)
                .parentDirectory(workspace)
                .build()
                .generate()
                .directory();
        add(project, "customer", "name:text(100)").build().write();
        List<String> fields = ResourceMigrationIT.EVERY_FIELD_TYPE;
        for (AddResource add : List.of(
                add(project, "product", fields.toArray(String[]::new))
                        .allowDirty(true)
                        .build(),
                add(project, "product", fields.toArray(String[]::new))
                        .owned(true)
                        .allowDirty(true)
                        .build(),
                add(minimal, "product", "title:text", "active:boolean").build(),
                add(project, "tag", "label:text(20)").allowDirty(true).build())) {
            for (String path : add.files()) {
                if (path.endsWith(".java")) {
                    assertThat(JavaSyntax.errors(path, add.plannedText(path))).isEmpty();
                }
            }
        }
    }

    private static String text(AddResource add, String path) {
        return add.plannedText(path);
    }

    private static void assertRefused(AddResource.Builder builder, ScaffoldErrorCode code, String message) {
        assertThatThrownBy(builder::build)
                .isInstanceOf(ScaffoldException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ScaffoldException) e).code()).isEqualTo(code));
    }

    private static String git(Path dir, String... args) throws IOException {
        List<String> command = Stream.concat(Stream.of("git"), Stream.of(args)).toList();
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        return new String(process.getInputStream().readAllBytes());
    }
}
