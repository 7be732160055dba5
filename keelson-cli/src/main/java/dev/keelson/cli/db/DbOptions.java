package dev.keelson.cli.db;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every database command shares. A {@code null} field means "not given on the command line", so
 * {@link DbSettings} can fall back to the environment, {@code keelson.properties} and the defaults.
 */
final class DbOptions {
    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "JDBC URL of the database, e.g. jdbc:postgresql://127.0.0.1:5432/test, or a MongoDB URL"
                    + " naming the database, e.g. mongodb://127.0.0.1:27017/app (or KEELSON_DB_URL, or db.url in"
                    + " keelson.properties).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user (or KEELSON_DB_USER, or db.user).")
    String user;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            description = "Database password (or KEELSON_DB_PASSWORD, or db.password). Never printed.")
    String password;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Migrations folder, relative to the working directory, or classpath:path "
                    + "(or db.dir; default: db/migration).")
    String dir;

    @Option(
            names = "--placeholder",
            paramLabel = "NAME=VALUE",
            description = "Value for $${NAME} in scripts; repeatable (or db.placeholder.NAME).")
    Map<String, String> placeholders = new LinkedHashMap<>();

    /** Set from {@link LockingCommand}'s {@code --lock-timeout}: only commands that take the lock offer it. */
    Duration lockTimeout;

    @Option(
            names = "--table",
            paramLabel = "NAME",
            description = "History table (or db.table; default: keelson_schema_history).")
    String table;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Settings file to read instead of ./keelson.properties (db.url, db.user, db.password, db.dir,"
                    + " db.table, db.lock-timeout, db.placeholder.NAME, lint.severity.RULE). A flyway.conf and FLYWAY_*"
                    + " variables are read too, below it.")
    String config;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "Output: text for people, json for scripts (one document on standard output).")
    OutputFormat format;
}
