package dev.keelson.migrate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.internal.database.mysql.MysqlDialect;
import dev.keelson.migrate.internal.database.postgresql.PostgresDialect;
import dev.keelson.migrate.internal.sql.SplitRules;
import dev.keelson.migrate.internal.sql.SqlStatement;
import dev.keelson.migrate.internal.sql.StatementSplitter;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema diff on a real server, one subclass per engine: every object kind is read, compared, built from a
 * migrations folder on a scratch database, and generated both ways (up makes the diff empty, undo brings the
 * original back).
 */
abstract class SchemaDiffContractIT {
    static final String HISTORY = "keelson_schema_history";

    @TempDir
    Path dir;

    /** The engine under test. */
    abstract Engine engine();

    /** A schema with every object kind the engine has, including a reserved-word and a mixed-case name. */
    abstract String fullSchema();

    /** Hand-made changes to {@link #fullSchema()}: one column added, one default changed, one index dropped. */
    abstract String handMadeChange();

    /** What {@link #handMadeChange()} shows as: kind, table, name of each difference. */
    abstract List<String> handMadeDifferences();

    SplitRules rules() {
        return engine() == Engine.POSTGRESQL ? new PostgresDialect().splitRules() : new MysqlDialect().splitRules();
    }

    void apply(TestDatabase db, String sql) throws SQLException {
        apply(
                db,
                new StatementSplitter(rules())
                        .split(sql).stream().map(SqlStatement::sql).toList());
    }

    static void apply(TestDatabase db, List<String> statements) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(sql + "\n-> " + e.getMessage(), e);
                }
            }
        }
    }

    static DbSchema read(TestDatabase db) {
        return SchemaDiff.read(db.url(), db.user(), db.password(), HISTORY);
    }

    static List<String> keys(SchemaComparison comparison) {
        return comparison.differences().stream()
                .map(d -> d.kind().label() + " " + (d.table() == null ? "" : d.table() + ".") + d.name())
                .toList();
    }

    @Test
    void aDatabaseComparedWithItselfHasNoDifferencesAndEveryKindIsRead() throws Exception {
        try (TestDatabase db = TestDatabases.fresh(engine())) {
            apply(db, fullSchema());
            DbSchema schema = read(db);
            assertThat(SchemaDiff.compare(schema, read(db)).equal()).isTrue();
            assertThat(schema.objects().values()).extracting(SchemaObject::kind).containsAll(kinds());
        }
    }

    abstract List<ObjectKind> kinds();

    @Test
    void aHandMadeChangeShowsAsDifferencesAgainstTheMigrationsBuiltOnAScratchDatabase() throws Exception {
        Files.writeString(dir.resolve("V1__schema.sql"), fullSchema());
        try (TestDatabase db = TestDatabases.fresh(engine())) {
            MigratorConfig config = Migrator.configure()
                    .url(db.url())
                    .user(db.user())
                    .password(db.password())
                    .location("filesystem:" + dir)
                    .build()
                    .config();
            Migrator.of(config).migrate(dev.keelson.migrate.MigrateOptions.latest());
            DbSchema expected = SchemaDiff.ofMigrations(config);
            assertThat(SchemaDiff.compare(read(db), expected).differences()).isEmpty();
            apply(db, handMadeChange());
            SchemaComparison drift = SchemaDiff.compare(read(db), expected);
            assertThat(keys(drift)).containsExactlyInAnyOrderElementsOf(handMadeDifferences());
            assertThat(scratchDatabasesSettle(db))
                    .as("scratch databases left behind")
                    .isZero();
        }
    }

    abstract long scratchDatabases(TestDatabase db) throws SQLException;

    /**
     * The scratch databases on the server once other test runs sharing it (whose scratch databases live a second or
     * two) have dropped theirs: ours is dropped before the call returns, so it can never be among them after 15 s.
     */
    private long scratchDatabasesSettle(TestDatabase db) throws Exception {
        long count = scratchDatabases(db);
        for (int i = 0; i < 30 && count > 0; i++) {
            Thread.sleep(500);
            count = scratchDatabases(db);
        }
        return count;
    }

    @Test
    void theGeneratedUpScriptEmptiesTheDiffAndTheUndoScriptRestoresTheOriginal() throws Exception {
        try (TestDatabase live = TestDatabases.fresh(engine());
                TestDatabase target = TestDatabases.fresh(engine())) {
            apply(target, fullSchema());
            DbSchema original = read(live);
            DbSchema wanted = read(target);
            SchemaComparison before = SchemaDiff.compare(original, wanted);
            apply(live, SchemaDiff.script(before));
            assertThat(keys(SchemaDiff.compare(read(live), wanted))).isEmpty();
            apply(live, SchemaDiff.script(SchemaDiff.compare(wanted, original)));
            assertThat(keys(SchemaDiff.compare(read(live), original))).isEmpty();
        }
    }

    @Test
    void changesToAnExistingSchemaAreGeneratedBothWays() throws Exception {
        try (TestDatabase live = TestDatabases.fresh(engine());
                TestDatabase target = TestDatabases.fresh(engine())) {
            apply(live, fullSchema());
            apply(target, fullSchema());
            apply(live, handMadeChange());
            DbSchema drifted = read(live);
            DbSchema wanted = read(target);
            apply(live, SchemaDiff.script(SchemaDiff.compare(drifted, wanted)));
            assertThat(keys(SchemaDiff.compare(read(live), wanted))).isEmpty();
            apply(live, SchemaDiff.script(SchemaDiff.compare(wanted, drifted)));
            assertThat(keys(SchemaDiff.compare(read(live), drifted))).isEmpty();
        }
    }
}
