package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.migrate.lint.LintConfig;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.Linter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration pairs of added resources with every field type pass keelson-migrate's lint, apply on a real
 * PostgreSQL after the project's own, and their undo files take the schema back exactly. Uses the PostgreSQL at
 * 127.0.0.1:5432 (user postgres, or {@code KEELSON_TEST_PG_URL}), a database of its own; skipped when it does not
 * answer, unless {@code CI=true}.
 */
class ResourceMigrationIT {
    /** Every field type and modifier, as the CI's generated projects use them too. */
    static final List<String> EVERY_FIELD_TYPE = List.of(
            "title:text(200):sort",
            "description:text(2000):optional",
            "stock:integer",
            "weight:decimal(8,3):optional:filter:sort",
            "price:money:sort",
            "active:boolean",
            "launchOn:date:optional:sort",
            "releasedAt:timestamp:optional:sort",
            "status:enum(DRAFT,LIVE)",
            "customer:ref(customer):optional",
            "order:ref(order):optional",
            "sku:text(40):unique");

    @TempDir
    Path workspace;

    private String server;
    private String database;

    @BeforeEach
    void freshDatabase() throws SQLException {
        server = System.getenv().getOrDefault("KEELSON_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection c = DriverManager.getConnection(server, "postgres", "");
                Statement s = c.createStatement()) {
            database = "keelson_add_resource_" + UUID.randomUUID().toString().replace("-", "");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            assumeTrue(!"true".equalsIgnoreCase(System.getenv("CI")), "PostgreSQL is required with CI=true: " + e);
            assumeTrue(false, "no PostgreSQL at " + server + ": " + e.getMessage());
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (database != null) {
            try (Connection c = DriverManager.getConnection(server, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void addedMigrationsPassTheLintAndTheirUndoRestoresTheSchema() throws SQLException {
        Path project = Scaffold.configure()
                .name("shop")
                .parentDirectory(workspace)
                .build()
                .generate()
                .directory();
        Migrator migrator = Migrator.configure()
                .url(url())
                .user("postgres")
                .location("filesystem:" + project.resolve(ExistingProject.MIGRATIONS))
                .build();
        migrator.migrate(MigrateOptions.latest());
        List<String> before = schema();

        AddResource.configure()
                .project(project)
                .name("customer")
                .fields(List.of("name:text(100)", "email:text(200):unique"))
                .build()
                .write();
        AddResource.configure()
                .project(project)
                .name("product")
                .fields(EVERY_FIELD_TYPE)
                .owned(true)
                .allowDirty(true)
                .build()
                .write();

        LintReport lint = Linter.of(LintConfig.of(LintDialect.POSTGRESQL))
                .lintFolder(project.resolve(ExistingProject.MIGRATIONS), null);
        assertThat(lint.findings()).isEmpty();

        migrator.migrate(MigrateOptions.latest());
        List<String> after = schema();
        assertThat(after)
                .contains(
                        "customers.email text NO ",
                        "products.price numeric NO ",
                        "products.customer_id uuid YES ",
                        "CREATE UNIQUE INDEX products_sku_key ON public.products USING btree (sku) "
                                + "WHERE (deleted_at IS NULL)",
                        "products products_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers(id)",
                        "products products_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id)");

        migrator.rollback(RollbackOptions.steps(2));
        assertThat(schema()).isEqualTo(before);
        migrator.migrate(MigrateOptions.latest());
        assertThat(schema()).isEqualTo(after);
    }

    private String url() {
        return server.substring(0, server.lastIndexOf('/') + 1) + database;
    }

    /** Columns, indexes and constraints of the public schema, apart from the migration history. */
    private List<String> schema() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(), "postgres", "");
                Statement s = c.createStatement()) {
            for (String query : List.of("""
                    SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
                           || coalesce(column_default, '')
                    FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name <> 'keelson_schema_history'
                    ORDER BY table_name, column_name""", """
                    SELECT indexdef FROM pg_indexes
                    WHERE schemaname = 'public' AND tablename <> 'keelson_schema_history' ORDER BY indexname""", """
                    SELECT c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
                    FROM pg_constraint c
                    WHERE c.connamespace = 'public'::regnamespace
                      AND c.conrelid::regclass::text <> 'keelson_schema_history'
                    ORDER BY 1""")) {
                try (ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
