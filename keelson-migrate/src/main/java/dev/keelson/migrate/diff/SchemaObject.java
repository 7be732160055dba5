package dev.keelson.migrate.diff;

import java.util.Map;

/**
 * One object read from the catalogs.
 *
 * @param kind       what it is
 * @param table      the table it belongs to (columns, constraints, indexes); {@code null} for top-level objects
 * @param name       its name as stored in the catalog (exact case)
 * @param properties what is compared, by property name ({@code type}, {@code nullable}, {@code default},
 *                   {@code definition}, ...), in a stable order
 */
public record SchemaObject(ObjectKind kind, String table, String name, Map<String, String> properties) {
    public SchemaObject {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }

    /** The key two schemas are matched on: kind, table and name. */
    public String key() {
        return kind + ":" + (table == null ? "" : table + ".") + name;
    }

    /** The property, or null. */
    public String get(String property) {
        return properties.get(property);
    }
}
