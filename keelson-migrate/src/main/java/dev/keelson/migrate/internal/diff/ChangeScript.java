package dev.keelson.migrate.internal.diff;

import dev.keelson.migrate.diff.DbSchema;
import dev.keelson.migrate.diff.Difference;
import dev.keelson.migrate.diff.ObjectKind;
import dev.keelson.migrate.diff.SchemaComparison;
import dev.keelson.migrate.diff.SchemaObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The statements that take the "from" schema of a comparison to its "to" schema, in an order the database accepts:
 * drop what depends on other objects first (views, foreign keys, constraints, indexes, routines), create types and
 * sequences, create and alter tables, drop tables, then add constraints, indexes, foreign keys, routines and views.
 * A changed constraint, index or view is dropped and created again.
 */
public final class ChangeScript {
    private static final Set<ObjectKind> CONSTRAINTS =
            EnumSet.of(ObjectKind.PRIMARY_KEY, ObjectKind.UNIQUE, ObjectKind.CHECK, ObjectKind.FOREIGN_KEY);

    private final DdlWriter ddl;
    private final SchemaComparison comparison;
    private final List<String> out = new ArrayList<>();

    private ChangeScript(DdlWriter ddl, SchemaComparison comparison) {
        this.ddl = ddl;
        this.comparison = comparison;
    }

    /** The statements, without terminating semicolons, in the DDL of {@code ddl}. */
    public static List<String> of(SchemaComparison comparison, DdlWriter ddl) {
        return new ChangeScript(ddl, comparison).write();
    }

    private List<String> write() {
        dropDependents();
        forEach(EnumSet.of(ObjectKind.ENUM, ObjectKind.SEQUENCE), d -> {
            if (d.from() != null && d.to() != null) {
                out.add(ddl.drop(d.from()));
            }
            if (d.to() != null && !ddl.implicit(d.to())) {
                out.add(ddl.create(d.to()));
            }
        });
        forEach(EnumSet.of(ObjectKind.TABLE), d -> {
            if (d.to() != null) {
                out.add(ddl.createTable(
                        d.name(),
                        children(comparison.to(), d.name(), ObjectKind.COLUMN),
                        children(comparison.to(), d.name(), ObjectKind.PRIMARY_KEY).stream()
                                .findFirst()
                                .orElse(null)));
            }
        });
        columns();
        List<Difference> droppedTables = comparison.differences().stream()
                .filter(d -> d.kind() == ObjectKind.TABLE && d.to() == null)
                .toList();
        // foreign keys between dropped tables go first, so the tables can go in any order
        droppedTables.forEach(d -> children(comparison.from(), d.name(), ObjectKind.FOREIGN_KEY)
                .forEach(fk -> out.add(ddl.dropConstraint(fk))));
        droppedTables.forEach(d -> out.add("DROP TABLE " + ddl.quote(d.name())));
        forEach(EnumSet.of(ObjectKind.SEQUENCE), d -> {
            if (d.to() != null && !ddl.implicit(d.to())) {
                out.addAll(ddl.afterTables(d.to()));
            }
        });
        createDependents();
        forEach(EnumSet.of(ObjectKind.ENUM, ObjectKind.SEQUENCE), d -> {
            if (d.to() == null && !ddl.implicit(d.from())) {
                out.add(ddl.drop(d.from()));
            }
        });
        return out;
    }

    private void dropDependents() {
        forEach(EnumSet.of(ObjectKind.VIEW), d -> dropIfGoneOrChanged(d, () -> ddl.drop(d.from())));
        forEach(EnumSet.of(ObjectKind.FOREIGN_KEY), d -> dropIfGoneOrChanged(d, () -> ddl.dropConstraint(d.from())));
        forEach(
                EnumSet.of(ObjectKind.PRIMARY_KEY, ObjectKind.UNIQUE, ObjectKind.CHECK),
                d -> dropIfGoneOrChanged(d, () -> ddl.dropConstraint(d.from())));
        forEach(EnumSet.of(ObjectKind.INDEX), d -> dropIfGoneOrChanged(d, () -> ddl.dropIndex(d.from())));
        forEach(EnumSet.of(ObjectKind.FUNCTION, ObjectKind.PROCEDURE), d -> {
            if (d.from() != null && (d.to() == null || ddl.recreatesChangedRoutines())) {
                out.add(ddl.drop(d.from()));
            }
        });
    }

    private void createDependents() {
        List<SchemaObject> created = new ArrayList<>();
        for (Difference d : comparison.differences()) {
            if (d.to() != null
                    && d.kind() != ObjectKind.TABLE
                    && d.table() == null
                    && EnumSet.of(ObjectKind.FUNCTION, ObjectKind.PROCEDURE, ObjectKind.VIEW)
                            .contains(d.kind())) {
                created.add(d.to());
            }
            if (d.to() != null && (CONSTRAINTS.contains(d.kind()) || d.kind() == ObjectKind.INDEX)) {
                created.add(d.to());
            }
            if (d.kind() == ObjectKind.TABLE && d.to() != null) {
                for (ObjectKind kind :
                        List.of(ObjectKind.UNIQUE, ObjectKind.CHECK, ObjectKind.INDEX, ObjectKind.FOREIGN_KEY)) {
                    created.addAll(children(comparison.to(), d.name(), kind));
                }
            }
        }
        for (ObjectKind kind : List.of(
                ObjectKind.PRIMARY_KEY,
                ObjectKind.UNIQUE,
                ObjectKind.CHECK,
                ObjectKind.INDEX,
                ObjectKind.FOREIGN_KEY,
                ObjectKind.FUNCTION,
                ObjectKind.PROCEDURE,
                ObjectKind.VIEW)) {
            for (SchemaObject o : created) {
                if (o.kind() == kind) {
                    out.add(
                            kind == ObjectKind.INDEX
                                    ? ddl.createIndex(o)
                                    : CONSTRAINTS.contains(kind) ? ddl.addConstraint(o) : ddl.create(o));
                }
            }
        }
    }

    private void columns() {
        for (Difference d : comparison.differences()) {
            if (d.kind() != ObjectKind.COLUMN) {
                continue;
            }
            if (d.from() == null) {
                out.add(ddl.addColumn(d.to()));
            } else if (d.to() != null) {
                out.addAll(ddl.alterColumn(d.from(), d.to(), d.changed()));
            }
        }
        for (Difference d : comparison.differences()) {
            if (d.kind() == ObjectKind.COLUMN && d.to() == null) {
                out.add(ddl.dropColumn(d.from()));
            }
        }
    }

    private void dropIfGoneOrChanged(Difference d, Supplier<String> drop) {
        if (d.from() != null) {
            out.add(drop.get());
        }
    }

    private void forEach(Set<ObjectKind> kinds, Consumer<Difference> action) {
        comparison.differences().stream().filter(d -> kinds.contains(d.kind())).forEach(action);
    }

    private static List<SchemaObject> children(DbSchema schema, String table, ObjectKind kind) {
        return schema.objects().values().stream()
                .filter(o -> o.kind() == kind && table.equals(o.table()))
                .toList();
    }
}
