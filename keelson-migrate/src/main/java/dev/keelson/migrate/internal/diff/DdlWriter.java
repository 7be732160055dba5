package dev.keelson.migrate.internal.diff;

import dev.keelson.migrate.diff.SchemaObject;
import java.util.ArrayList;
import java.util.List;

/** The DDL of one dialect for creating, dropping and changing one object; names quoted by the dialect's rules. */
public interface DdlWriter {
    String quote(String name);

    /** A column as written in {@code CREATE TABLE} or {@code ADD COLUMN}: name, type, default, nullability... */
    String columnDefinition(SchemaObject column);

    /** The primary key as a line of {@code CREATE TABLE}. */
    String primaryKeyClause(SchemaObject primaryKey);

    /** The quoted name of the table {@code o} belongs to. */
    default String table(SchemaObject o) {
        return quote(o.table());
    }

    /** {@code CREATE TABLE} with its columns and, when given, its primary key. */
    default String createTable(String table, List<SchemaObject> columns, SchemaObject primaryKey) {
        List<String> lines = new ArrayList<>(
                columns.stream().map(c -> "    " + columnDefinition(c)).toList());
        if (primaryKey != null) {
            lines.add("    " + primaryKeyClause(primaryKey));
        }
        return "CREATE TABLE " + quote(table) + " (\n" + String.join(",\n", lines) + "\n)";
    }

    default String addColumn(SchemaObject column) {
        return "ALTER TABLE " + table(column) + " ADD COLUMN " + columnDefinition(column);
    }

    default String dropColumn(SchemaObject column) {
        return "ALTER TABLE " + table(column) + " DROP COLUMN " + quote(column.name());
    }

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

    /** True when a changed function or procedure is dropped and created again (no {@code CREATE OR REPLACE}). */
    default boolean recreatesChangedRoutines() {
        return false;
    }

    /** Whether {@code topLevel} is made by something else (an identity column's sequence) and must be skipped. */
    boolean implicit(SchemaObject topLevel);
}
