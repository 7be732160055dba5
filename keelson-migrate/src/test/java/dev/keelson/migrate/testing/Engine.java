package dev.keelson.migrate.testing;

/** The database engines the contract tests run against. */
public enum Engine {
    POSTGRESQL,
    MARIADB,
    SQLITE,
    H2
}
