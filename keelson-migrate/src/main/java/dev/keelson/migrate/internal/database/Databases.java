package dev.keelson.migrate.internal.database;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.internal.database.h2.H2Dialect;
import dev.keelson.migrate.internal.database.mongodb.MongoDb;
import dev.keelson.migrate.internal.database.mysql.MysqlDialect;
import dev.keelson.migrate.internal.database.postgresql.PostgresDialect;
import dev.keelson.migrate.internal.database.sqlite.SqliteDialect;
import dev.keelson.migrate.internal.diff.Catalog;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every database Keelson supports, and the one place a URL is matched to one of them (by the prefixes each
 * {@link Database} declares). A new database is a new package plus one entry in {@link #ALL}.
 */
public final class Databases {
    /** In the order messages name them. */
    private static final List<Database> ALL =
            List.of(new PostgresDialect(), new MysqlDialect(), new SqliteDialect(), new H2Dialect(), new MongoDb());

    private Databases() {}

    /** The database {@code url} names, if Keelson supports it; empty for {@code null}. */
    public static Optional<Database> find(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String u = url.toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(d -> d.urlPrefixes().stream().anyMatch(u::startsWith))
                .findFirst();
    }

    /** Every SQL database reached over JDBC, in the order messages name them. */
    public static List<Dialect> dialects() {
        return ALL.stream()
                .filter(Dialect.class::isInstance)
                .map(Dialect.class::cast)
                .toList();
    }

    /** The SQL dialect {@code url} names, if Keelson supports it over JDBC. */
    public static Optional<Dialect> findDialect(String url) {
        return find(url).filter(Dialect.class::isInstance).map(Dialect.class::cast);
    }

    /**
     * The SQL dialect of a JDBC URL.
     *
     * @throws MigrationException {@link MigrationErrorCode#UNSUPPORTED_DATABASE} naming the URL's database
     */
    public static Dialect dialectFor(String url) {
        return findDialect(url).orElseThrow(() -> unsupported(url));
    }

    /** The catalog of the database whose schemas carry {@code schemaDialect} ({@link Catalog#schemaDialect()}). */
    public static Optional<Catalog> catalogOf(String schemaDialect) {
        return ALL.stream()
                .flatMap(d -> d instanceof Dialect dialect ? dialect.catalog().stream() : Stream.empty())
                .filter(c -> c.schemaDialect().equals(schemaDialect))
                .findFirst();
    }

    /** The names of the databases whose catalog the schema diff reads: {@code PostgreSQL and MySQL/MariaDB}. */
    public static String withCatalog() {
        return String.join(
                " and ",
                ALL.stream()
                        .filter(d -> d instanceof Dialect dialect
                                && dialect.catalog().isPresent())
                        .map(Database::name)
                        .toList());
    }

    private static MigrationException unsupported(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        String kind = u.startsWith("jdbc:") ? u.substring(5).split(":", 2)[0] : u;
        return new MigrationException(
                MigrationErrorCode.UNSUPPORTED_DATABASE,
                "Keelson does not support '" + kind + "' databases (URL " + url.split("[?;]", 2)[0] + "); use "
                        + names());
    }

    /** {@code PostgreSQL, MySQL/MariaDB, SQLite, H2 or MongoDB}. */
    private static String names() {
        List<String> names = ALL.stream().map(Database::name).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
}
