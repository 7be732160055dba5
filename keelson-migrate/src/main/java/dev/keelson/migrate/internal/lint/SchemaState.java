package dev.keelson.migrate.internal.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the files read so far (in version order) did to the schema, as far as the rules need it: column types of
 * tables created or altered, and which {@code column IS NOT NULL} checks exist and are validated. Tables not
 * created in any file (made before the first migration) are unknown here and treated as existing.
 */
public final class SchemaState {
    private final Map<String, Map<String, String>> columns = new HashMap<>();
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> validatedNotNull = new HashSet<>();

    /** An independent copy, for files whose changes must not be carried forward. */
    SchemaState copy() {
        SchemaState copy = new SchemaState();
        columns.forEach((table, types) -> copy.columns.put(table, new HashMap<>(types)));
        copy.notNullChecks.putAll(notNullChecks);
        copy.validatedNotNull.addAll(validatedNotNull);
        return copy;
    }

    /** The type of {@code table.column} as last declared in a file, or null when unknown. */
    public String columnType(String table, String column) {
        return columns.getOrDefault(table, Map.of()).get(column);
    }

    /** True when a validated {@code CHECK (column IS NOT NULL)} exists on {@code table}. */
    public boolean hasValidatedNotNullCheck(String table, String column) {
        return validatedNotNull.contains(table + "." + column);
    }

    /** Records what {@code statement} changes. */
    void apply(LintStatement statement) {
        statement.createdTable().ifPresent(table -> createTable(table, statement.createTableElements()));
        statement.droppedTables().forEach(columns::remove);
        statement.alterTable().ifPresent(alter -> alter.actions().forEach(a -> alterAction(alter.table(), a)));
    }

    private void createTable(String table, List<Tokens> elements) {
        Map<String, String> types = new HashMap<>();
        for (Tokens element : elements) {
            if (!Shapes.isConstraint(element, 0)) {
                types.put(element.nameAt(0), Shapes.columnType(element, 1));
            }
        }
        columns.put(table, types);
    }

    private void alterAction(String table, Tokens action) {
        Map<String, String> types = columns.computeIfAbsent(table, t -> new HashMap<>());
        Shapes.addedColumn(action).ifPresent(at -> types.put(action.nameAt(at), Shapes.columnType(action, at + 1)));
        Shapes.typeChange(action).ifPresent(change -> types.put(change.column(), change.newType()));
        int constraint = Shapes.addedConstraint(action);
        if (constraint >= 0 && action.is(constraint, "CHECK")) {
            String column = Shapes.notNullCheckColumn(action.from(constraint + 1));
            String name = action.is(1, "CONSTRAINT") ? action.nameAt(2) : null;
            if (column != null && name != null) {
                notNullChecks.put(table + "." + name, column);
            }
            if (column != null && !action.has("NOT", "VALID")) {
                validatedNotNull.add(table + "." + column);
            }
        }
        if (action.startsWith("VALIDATE", "CONSTRAINT")) {
            String column = notNullChecks.get(table + "." + action.nameAt(2));
            if (column != null) {
                validatedNotNull.add(table + "." + column);
            }
        }
    }
}
