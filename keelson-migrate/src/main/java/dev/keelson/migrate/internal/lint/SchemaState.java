package dev.keelson.migrate.internal.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the files read so far (in version order) did to the schema, as far as the rules need it: column types of
 * tables created or altered (followed through renames of tables and columns), which {@code column IS NOT NULL}
 * checks exist and are validated, and which tables are new: created by a file of the run being checked, so empty,
 * and nothing done to them can lock anyone out. Tables not created in any file (made before the first migration)
 * are unknown here and treated as existing.
 */
public final class SchemaState {
    private final Map<String, Map<String, String>> columns = new HashMap<>();
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> validatedNotNull = new HashSet<>();
    private final Set<String> fresh = new HashSet<>();

    /** An independent copy, for files whose changes must not be carried forward. */
    SchemaState copy() {
        SchemaState copy = new SchemaState();
        columns.forEach((table, types) -> copy.columns.put(table, new HashMap<>(types)));
        copy.notNullChecks.putAll(notNullChecks);
        copy.validatedNotNull.addAll(validatedNotNull);
        copy.fresh.addAll(fresh);
        return copy;
    }

    /** The type of {@code table.column} as last declared in a file, or null when unknown. */
    public String columnType(String table, String column) {
        return columns.getOrDefault(table, Map.of()).get(column);
    }

    /** True when {@code table} was created in the run being checked (so far), so it is new and empty. */
    public boolean isNew(String table) {
        return table != null && fresh.contains(table);
    }

    /** Marks every table as existing: the files read so far are applied, so their tables may hold rows. */
    void forgetNew() {
        fresh.clear();
    }

    /** True when a validated {@code CHECK (column IS NOT NULL)} exists on {@code table}. */
    public boolean hasValidatedNotNullCheck(String table, String column) {
        return validatedNotNull.contains(table + "." + column);
    }

    /**
     * False when the statement {@code sql} (split, so it starts with its first word) cannot change what this class
     * knows: it starts with none of {@code CREATE}, {@code ALTER}, {@code DROP}, {@code RENAME}, or it is a
     * {@code CREATE} of something else than a table or materialized view (an index, a function, a type...). Asked
     * before tokenizing a statement of an applied file, so it may answer true for a statement {@link #apply}
     * ignores, never false for one it records.
     */
    static boolean mayChange(String sql) {
        int start = wordStart(sql, 0);
        if (startsWithWord(sql, start, "ALTER")
                || startsWithWord(sql, start, "DROP")
                || startsWithWord(sql, start, "RENAME")) {
            return true;
        }
        if (!startsWithWord(sql, start, "CREATE")) {
            return false;
        }
        // CREATE [OR REPLACE] [GLOBAL|LOCAL] [TEMP|TEMPORARY] [UNLOGGED] TABLE | MATERIALIZED VIEW: the words up to
        // the object's kind; anything else (comments, quotes) in between: tokenize to be sure
        int at = wordEnd(sql, start);
        for (int words = 0; words < 8; words++) {
            at = wordStart(sql, at);
            int end = wordEnd(sql, at);
            if (end == at) {
                return true;
            }
            String word = sql.substring(at, end).toUpperCase(Locale.ROOT);
            switch (word) {
                case "TABLE", "MATERIALIZED" -> {
                    return true;
                }
                case "OR", "REPLACE", "GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED" -> at = end;
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static int wordStart(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String sql, int from) {
        int i = from;
        while (i < sql.length() && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static boolean startsWithWord(String sql, int at, String word) {
        return sql.regionMatches(true, at, word, 0, word.length()) && wordEnd(sql, at) == at + word.length();
    }

    /** Records what {@code statement} changes. */
    void apply(LintStatement statement) {
        statement.createdTable().ifPresent(table -> createTable(table, statement));
        statement.createdMaterializedView().ifPresent(fresh::add);
        statement.droppedTables().forEach(this::dropTable);
        statement.tableRenames().forEach(r -> renameTable(r.from(), r.to()));
        statement.alterTable().ifPresent(alter -> {
            String table = alter.table();
            for (Tokens action : alter.actions()) {
                table = alterAction(table, action);
            }
        });
    }

    private void createTable(String table, LintStatement statement) {
        Map<String, String> types = new HashMap<>();
        for (Tokens element : statement.createTableElements()) {
            if (!element.isEmpty() && !Shapes.isConstraint(element, 0) && element.nameAt(0) != null) {
                types.put(element.nameAt(0), Shapes.columnType(element, 1));
            }
        }
        columns.put(table, types);
        if (!statement.createsWithRows()) {
            fresh.add(table);
        }
    }

    private void dropTable(String table) {
        columns.remove(table);
        fresh.remove(table);
    }

    private void renameTable(String from, String to) {
        if (from == null || to == null) {
            return;
        }
        Map<String, String> types = columns.remove(from);
        if (types != null) {
            columns.put(to, types);
        }
        if (fresh.remove(from)) {
            fresh.add(to);
        }
    }

    /** Applies one action; returns the table's name afterwards (an action may rename it). */
    private String alterAction(String table, Tokens action) {
        Map<String, String> types = columns.computeIfAbsent(table, t -> new HashMap<>());
        Shapes.addedColumn(action).ifPresent(at -> types.put(action.nameAt(at), Shapes.columnType(action, at + 1)));
        Shapes.typeChange(action).ifPresent(change -> types.put(change.column(), change.newType()));
        Shapes.columnRename(action).ifPresent(rename -> {
            String type = types.remove(rename.from());
            if (rename.type() != null) {
                type = rename.type();
            }
            if (type != null) {
                types.put(rename.to(), type);
            }
        });
        Shapes.droppedColumn(action).ifPresent(types::remove);
        notNullCheck(table, action);
        String renamedTo = Shapes.tableRenamedTo(action);
        if (renamedTo != null) {
            renameTable(table, renamedTo);
            return renamedTo;
        }
        return table;
    }

    private void notNullCheck(String table, Tokens action) {
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
