package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.reference.testing.TestPostgres;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The service's own migrations, run by keelson-migrate on a real PostgreSQL. */
class SchemaRoundTripIT {
    private TestPostgres.Database db;
    private Migrator migrator;
    private JdbcClient jdbc;

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.create();
        migrator = Migrator.configure()
                .dataSource(db.dataSource())
                .location("classpath:db/migration")
                .build();
        jdbc = JdbcClient.create(db.dataSource());
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void everyVersionedMigrationHasItsUndo() throws IOException {
        assertThat(names("U*.sql"))
                .isEqualTo(
                        names("V*.sql").stream().map(n -> "U" + n.substring(1)).collect(Collectors.toSet()));
    }

    @Test
    void migrateThenRollbackEverythingThenMigrateAgainLeavesTheSameSchema() throws IOException {
        migrator.migrate(MigrateOptions.latest());
        List<String> migrated = schema();

        migrator.rollback(RollbackOptions.steps(names("V*.sql").size()));
        assertThat(schema()).isEmpty();

        migrator.migrate(MigrateOptions.latest());
        assertThat(schema()).isEqualTo(migrated).isNotEmpty();
    }

    /** Columns, indexes and constraints of the public schema, apart from the migration history. */
    private List<String> schema() {
        List<String> columns = jdbc.sql("""
                SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
                       || coalesce(column_default, '')
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> 'keelson_schema_history'
                ORDER BY table_name, column_name""").query(String.class).list();
        List<String> indexes = jdbc.sql("""
                SELECT indexdef FROM pg_indexes
                WHERE schemaname = 'public' AND tablename <> 'keelson_schema_history'
                ORDER BY indexname""").query(String.class).list();
        List<String> constraints = jdbc.sql("""
                SELECT c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
                FROM pg_constraint c
                WHERE c.connamespace = 'public'::regnamespace AND c.conrelid::regclass::text <> 'keelson_schema_history'
                ORDER BY 1""").query(String.class).list();
        return Stream.of(columns, indexes, constraints).flatMap(List::stream).toList();
    }

    private static Set<String> names(String pattern) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/" + pattern);
        return Arrays.stream(files).map(Resource::getFilename).collect(Collectors.toSet());
    }
}
