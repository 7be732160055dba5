package dev.keelson.migrate.internal.diff;

import dev.keelson.migrate.diff.DbSchema;
import dev.keelson.migrate.diff.Difference;
import dev.keelson.migrate.diff.ObjectKind;
import dev.keelson.migrate.diff.SchemaComparison;
import dev.keelson.migrate.diff.SchemaObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Matches the objects of two schemas by kind, table and name. An object of a table that exists on one side only
 * is not listed on its own: the table's difference covers it.
 */
public final class Comparer {
    private static final Comparator<Difference> ORDER = Comparator.comparing(Difference::kind)
            .thenComparing(d -> d.table() == null ? "" : d.table())
            .thenComparing(Difference::name);

    private Comparer() {}

    public static SchemaComparison compare(DbSchema from, DbSchema to) {
        Set<String> keys = new LinkedHashSet<>(from.objects().keySet());
        keys.addAll(to.objects().keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            SchemaObject a = from.objects().get(key);
            SchemaObject b = to.objects().get(key);
            SchemaObject any = a != null ? a : b;
            if (any.table() != null && !(hasTable(from, any.table()) && hasTable(to, any.table()))) {
                continue;
            }
            List<String> changed = a == null || b == null ? List.of() : changed(a, b);
            if (a == null || b == null || !changed.isEmpty()) {
                differences.add(new Difference(any.kind(), any.table(), any.name(), a, b, changed));
            }
        }
        differences.sort(ORDER);
        return new SchemaComparison(from, to, differences);
    }

    private static boolean hasTable(DbSchema schema, String table) {
        return schema.find(ObjectKind.TABLE, null, table).isPresent();
    }

    private static List<String> changed(SchemaObject a, SchemaObject b) {
        Set<String> names = new LinkedHashSet<>(a.properties().keySet());
        names.addAll(b.properties().keySet());
        return names.stream().filter(n -> !Objects.equals(a.get(n), b.get(n))).toList();
    }
}
