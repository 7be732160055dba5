package dev.keelson.cli.db;

/** How a {@code keelson db} command prints its result. */
enum OutputFormat {
    /** Lines and tables for a person. */
    TEXT,
    /** One JSON document on standard output, for scripts. */
    JSON
}
