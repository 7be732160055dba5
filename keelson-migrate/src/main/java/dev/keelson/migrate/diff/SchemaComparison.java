package dev.keelson.migrate.diff;

import java.util.List;

/**
 * The result of comparing two schemas.
 *
 * @param from        the first schema
 * @param to          the second schema
 * @param differences what differs, ordered by kind, table and name
 */
public record SchemaComparison(DbSchema from, DbSchema to, List<Difference> differences) {
    public SchemaComparison {
        differences = List.copyOf(differences);
    }

    public boolean equal() {
        return differences.isEmpty();
    }
}
