package dev.keelson.migrate.diff;

import java.util.List;

/**
 * One object that differs between two schemas ("from" and "to").
 *
 * @param kind    what it is
 * @param table   its table, or null
 * @param name    its name
 * @param from    the object in "from", or null when only in "to"
 * @param to      the object in "to", or null when only in "from"
 * @param changed for objects in both: the names of the properties that differ
 */
public record Difference(
        ObjectKind kind, String table, String name, SchemaObject from, SchemaObject to, List<String> changed) {
    public Difference {
        changed = List.copyOf(changed);
    }

    public boolean onlyInFrom() {
        return to == null;
    }

    public boolean onlyInTo() {
        return from == null;
    }
}
