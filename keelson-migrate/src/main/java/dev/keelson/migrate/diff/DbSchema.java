package dev.keelson.migrate.diff;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A schema as read from a database's catalogs.
 *
 * @param dialect {@code postgresql} or {@code mysql}
 * @param objects every object by {@link SchemaObject#key()}
 */
public record DbSchema(String dialect, Map<String, SchemaObject> objects) {
    public DbSchema {
        objects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    }

    public static DbSchema of(String dialect, Collection<SchemaObject> objects) {
        Map<String, SchemaObject> byKey = new LinkedHashMap<>();
        objects.forEach(o -> byKey.put(o.key(), o));
        return new DbSchema(dialect, byKey);
    }

    public Optional<SchemaObject> find(ObjectKind kind, String table, String name) {
        return Optional.ofNullable(objects.get(new SchemaObject(kind, table, name, Map.of()).key()));
    }
}
