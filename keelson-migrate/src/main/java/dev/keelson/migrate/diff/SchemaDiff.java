package dev.keelson.migrate.diff;

import dev.keelson.migrate.LintPolicy;
import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.internal.database.Databases;
import dev.keelson.migrate.internal.database.Dialect;
import dev.keelson.migrate.internal.diff.Catalog;
import dev.keelson.migrate.internal.diff.ChangeScript;
import dev.keelson.migrate.internal.diff.Comparer;
import dev.keelson.migrate.internal.diff.ScratchDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The schema diff's one entry point: read, compare, build from migrations, write the change script.
 *
 * <pre>{@code
 * DbSchema live = SchemaDiff.read(url, user, password, "keelson_schema_history");
 * DbSchema expected = SchemaDiff.ofMigrations(migrator.config());
 * SchemaComparison diff = SchemaDiff.compare(live, expected);
 * List<String> up = SchemaDiff.script(diff);          // takes live to expected
 * }</pre>
 *
 * <p>PostgreSQL (the current schema) and MySQL/MariaDB (the current database) are supported; the history table is
 * never part of a schema.
 */
public final class SchemaDiff {
    private SchemaDiff() {}

    /**
     * Reads the schema of the database {@code url} names.
     *
     * @throws MigrationException {@code UNSUPPORTED_DATABASE} for other databases, {@code CONNECTION_FAILED} when
     *     the server refuses or a catalog query fails
     */
    public static DbSchema read(String url, String user, String password, String historyTable) {
        return withConnection(url, user, password, c -> read(c, url, historyTable));
    }

    private static DbSchema read(Connection c, String url, String historyTable) {
        try {
            return catalogFor(url).read(c, historyTable);
        } catch (SQLException e) {
            throw new MigrationException(
                    MigrationErrorCode.CONNECTION_FAILED,
                    "Cannot read the catalog of " + url + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")",
                    e);
        }
    }

    /**
     * The schema the migrations of {@code config} produce: applied to a scratch database on the same server as
     * {@code config.url()}, read, and the scratch database dropped whatever happens.
     *
     * @throws MigrationException when a migration fails on the scratch database (naming file and line), or the
     *     server refuses to create the scratch database
     */
    public static DbSchema ofMigrations(MigratorConfig config) {
        return onScratch(
                config,
                migrator -> migrator.migrate(MigrateOptions.latest()),
                (c, url) -> read(c, url, config.historyTable()));
    }

    /**
     * Runs {@code steps} with a migrator on a fresh scratch database next to {@code config.url()}, then
     * {@code reader}; drops the scratch database whatever happens.
     */
    public static <T> T onScratch(
            MigratorConfig config, Consumer<Migrator> steps, BiFunction<Connection, String, T> reader) {
        catalogFor(config.url());
        try (ScratchDatabase scratch = ScratchDatabase.create(config.url(), config.user(), config.password())) {
            Migrator migrator = Migrator.of(new MigratorConfig(
                    scratch.url(),
                    config.user(),
                    config.password(),
                    null,
                    config.locations(),
                    config.placeholders(),
                    config.historyTable(),
                    config.lockTimeout(),
                    true,
                    config.installedBy(),
                    config.listener(),
                    config.clock(),
                    MigratorConfig.DEFAULT_LOCK_STALE_AFTER,
                    LintPolicy.off()));
            try {
                steps.accept(migrator);
            } catch (MigrationException e) {
                throw new MigrationException(
                        e.code(),
                        "The migration files failed on the scratch database "
                                + scratch.name()
                                + " (your database was not touched; the scratch database is dropped). Fix the"
                                + " file and run the command again. What failed: " + e.getMessage(),
                        e);
            }
            return withConnection(scratch.url(), config.user(), config.password(), c -> reader.apply(c, scratch.url()));
        }
    }

    /** Reads the schema over an open connection to a scratch database; for {@link #onScratch} readers. */
    public static DbSchema readScratch(Connection c, String url, String historyTable) {
        return read(c, url, historyTable);
    }

    /** What differs between {@code from} and {@code to}. */
    public static SchemaComparison compare(DbSchema from, DbSchema to) {
        return Comparer.compare(from, to);
    }

    /** The statements (without semicolons) that take the comparison's "from" schema to its "to" schema. */
    public static List<String> script(SchemaComparison comparison) {
        return ChangeScript.of(
                comparison,
                Databases.catalogOf(comparison.to().dialect())
                        .orElseThrow(() -> new MigrationException(
                                MigrationErrorCode.UNSUPPORTED_DATABASE,
                                "No DDL writer for schemas of '"
                                        + comparison.to().dialect() + "'"))
                        .ddl());
    }

    private static <T> T withConnection(String url, String user, String password, Function<Connection, T> work) {
        catalogFor(url);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new MigrationException(
                    MigrationErrorCode.CONNECTION_FAILED,
                    "Cannot connect to " + url + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")",
                    e);
        }
    }

    /** The catalog of the database {@code url} names; {@code UNSUPPORTED_DATABASE} where the diff does not go. */
    private static Catalog catalogFor(String url) {
        return Databases.findDialect(url)
                .flatMap(Dialect::catalog)
                .orElseThrow(() -> new MigrationException(
                        MigrationErrorCode.UNSUPPORTED_DATABASE,
                        "keelson db diff supports " + Databases.withCatalog() + "; " + url + " is neither"));
    }
}
