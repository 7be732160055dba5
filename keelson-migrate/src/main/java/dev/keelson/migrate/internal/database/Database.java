package dev.keelson.migrate.internal.database;

import java.util.List;

/**
 * One database (or family, such as MySQL and MariaDB) Keelson migrates. Everything specific to it lives in one
 * package, {@code internal.database.<name>}; {@link Databases} lists every one and alone matches a URL to one. A SQL
 * database reached over JDBC is a {@link Dialect}.
 */
public interface Database {

    /** A short name for messages: {@code PostgreSQL}, {@code MySQL/MariaDB}, {@code SQLite}, {@code H2}. */
    String name();

    /** The lower-case URL prefixes that name this database, e.g. {@code jdbc:postgresql:}. */
    List<String> urlPrefixes();
}
