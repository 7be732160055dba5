package dev.keelson.migrate.internal.diff;

import dev.keelson.migrate.diff.SchemaObject;
import java.util.List;

/** The DDL of one dialect for creating, dropping and changing one object; names quoted by the dialect's rules. */
interface DdlWriter {
    String quote(String name);

    /** {@code CREATE TABLE} with its columns and, when given, its primary key. */
    String createTable(String table, List<SchemaObject> columns, SchemaObject primaryKey);

    String addColumn(SchemaObject column);

    String dropColumn(SchemaObject column);

    /** Statements that turn column {@code from} into {@code to}. */
    List<String> alterColumn(SchemaObject from, SchemaObject to, List<String> changed);

    /** Adds a primary key, unique, check or foreign key constraint. */
    String addConstraint(SchemaObject constraint);

    String dropConstraint(SchemaObject constraint);

    String createIndex(SchemaObject index);

    String dropIndex(SchemaObject index);

    String create(SchemaObject topLevel);

    String drop(SchemaObject topLevel);

    /** Statements to run after the tables exist, e.g. a sequence's {@code OWNED BY}; may be empty. */
    List<String> afterTables(SchemaObject topLevel);

    /** Whether {@code topLevel} is made by something else (an identity column's sequence) and must be skipped. */
    boolean implicit(SchemaObject topLevel);
}
