package dev.keelson.migrate.internal.lint;

import java.util.Optional;

/** Reading the head of one {@code ALTER TABLE} action or column definition. */
public final class Shapes {
    private Shapes() {}

    /** A column type change: {@code ALTER [COLUMN] c [SET DATA] TYPE t}, or MySQL's {@code MODIFY}/{@code CHANGE}. */
    public record TypeChange(String column, String newType, boolean using) {}

    /** True when the element at {@code i} of a table body starts a table constraint, not a column. */
    public static boolean isConstraint(Tokens t, int i) {
        return t.is(i, "CONSTRAINT")
                || t.is(i, "PRIMARY")
                || t.is(i, "UNIQUE")
                || t.is(i, "FOREIGN")
                || t.is(i, "CHECK")
                || t.is(i, "EXCLUDE")
                || t.is(i, "INDEX")
                || t.is(i, "KEY")
                || t.is(i, "FULLTEXT")
                || t.is(i, "SPATIAL")
                || t.is(i, "LIKE");
    }

    /** The type of a column definition whose type starts at {@code i}: words and parentheses up to a constraint word. */
    public static String columnType(Tokens t, int i) {
        int end = i;
        while (end < t.size() && !endsType(t, end)) {
            end = t.get(end).isSymbol("(") ? t.closing(end) + 1 : end + 1;
        }
        return t.text(i, end);
    }

    private static boolean endsType(Tokens t, int i) {
        for (String w : new String[] {
            "NOT",
            "NULL",
            "DEFAULT",
            "PRIMARY",
            "UNIQUE",
            "REFERENCES",
            "CHECK",
            "CONSTRAINT",
            "GENERATED",
            "AUTO_INCREMENT",
            "COLLATE",
            "COMMENT",
            "AS",
            "USING",
            "FIRST",
            "AFTER",
            "CHARACTER",
            "CHARSET",
            "ON",
            "INVISIBLE",
            "VISIBLE",
            "IDENTITY"
        }) {
            if (t.is(i, w)) {
                return !(w.equals("CHARACTER") && t.is(i + 1, "VARYING"));
            }
        }
        return false;
    }

    /**
     * For {@code ADD [COLUMN] [IF NOT EXISTS] name type ...}: the index of the column name. Empty for other
     * actions ({@code ADD CONSTRAINT}, {@code ADD INDEX}, ...).
     */
    public static Optional<Integer> addedColumn(Tokens action) {
        if (!action.startsWith("ADD")) {
            return Optional.empty();
        }
        int i = action.skip(1, "COLUMN");
        i = action.at(i, "IF", "NOT", "EXISTS") ? i + 3 : i;
        if (i >= action.size() || !action.get(i).isName() || isConstraint(action, i) && !action.is(1, "COLUMN")) {
            return Optional.empty();
        }
        return Optional.of(i);
    }

    /** For {@code ADD [CONSTRAINT name] kind ...}: the index of the kind word (CHECK, FOREIGN, UNIQUE...), else -1. */
    public static int addedConstraint(Tokens action) {
        if (!action.startsWith("ADD")) {
            return -1;
        }
        int i = action.is(1, "CONSTRAINT") ? action.nameEnd(2) : 1;
        if (action.is(1, "CONSTRAINT") && !action.get(2).isName()) {
            i = 2;
        }
        return action.is(i, "CHECK")
                        || action.is(i, "FOREIGN")
                        || action.is(i, "UNIQUE")
                        || action.is(i, "PRIMARY")
                        || action.is(i, "EXCLUDE")
                ? i
                : -1;
    }

    /** For {@code (c IS NOT NULL) ...}: {@code c}; null when the check is anything else. */
    public static String notNullCheckColumn(Tokens afterCheck) {
        if (afterCheck.size() >= 6
                && afterCheck.get(0).isSymbol("(")
                && afterCheck.get(1).isName()
                && afterCheck.at(2, "IS", "NOT", "NULL")
                && afterCheck.get(5).isSymbol(")")) {
            return afterCheck.get(1).name();
        }
        return null;
    }

    public static Optional<TypeChange> typeChange(Tokens a) {
        if (a.startsWith("ALTER")) {
            int c = a.skip(1, "COLUMN");
            int type = a.at(c + 1, "SET", "DATA", "TYPE") ? c + 4 : a.at(c + 1, "TYPE") ? c + 2 : -1;
            return type < 0
                    ? Optional.empty()
                    : Optional.of(new TypeChange(a.nameAt(c), columnType(a, type), a.has("USING")));
        }
        if (a.startsWith("MODIFY")) {
            int c = a.skip(1, "COLUMN");
            return Optional.of(new TypeChange(a.nameAt(c), columnType(a, c + 1), false));
        }
        if (a.startsWith("CHANGE")) {
            int c = a.skip(1, "COLUMN");
            return Optional.of(new TypeChange(a.nameAt(c), columnType(a, c + 2), false));
        }
        return Optional.empty();
    }

    /** A column rename: {@code RENAME [COLUMN] a TO b}, or MySQL's {@code CHANGE a b type} (type null otherwise). */
    public record ColumnRename(String from, String to, String type) {}

    public static Optional<ColumnRename> columnRename(Tokens a) {
        if (a.startsWith("RENAME")
                && !a.is(1, "TO")
                && !a.is(1, "AS")
                && !a.is(1, "CONSTRAINT")
                && !a.is(1, "INDEX")
                && !a.is(1, "KEY")) {
            int c = a.skip(1, "COLUMN");
            int to = a.nameEnd(c);
            String from = a.nameAt(c);
            return from != null && a.is(to, "TO") && a.nameAt(to + 1) != null
                    ? Optional.of(new ColumnRename(from, a.nameAt(to + 1), null))
                    : Optional.empty();
        }
        if (a.startsWith("CHANGE")) {
            int c = a.skip(1, "COLUMN");
            String from = a.nameAt(c);
            int next = c < a.size() ? a.nameEnd(c) : c;
            String to = a.nameAt(next);
            return from != null && to != null
                    ? Optional.of(new ColumnRename(from, to, columnType(a, a.nameEnd(next))))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** For {@code RENAME TO b} / {@code RENAME AS b}: {@code b}; null for other actions. */
    public static String tableRenamedTo(Tokens a) {
        return a.startsWith("RENAME") && (a.is(1, "TO") || a.is(1, "AS")) ? a.nameAt(2) : null;
    }

    /** For {@code DROP [COLUMN] [IF EXISTS] c}: {@code c}; empty for constraints, indexes, defaults, partitions. */
    public static Optional<String> droppedColumn(Tokens action) {
        if (!action.startsWith("DROP") || action.size() < 2) {
            return Optional.empty();
        }
        if (action.is(1, "COLUMN")) {
            return Optional.ofNullable(action.nameAt(action.at(2, "IF", "EXISTS") ? 4 : 2));
        }
        boolean other = isConstraint(action, 1)
                || action.is(1, "DEFAULT")
                || action.is(1, "PARTITION")
                || action.is(1, "IF")
                || action.is(1, "PERIOD")
                || action.is(1, "SYSTEM");
        return other ? Optional.empty() : Optional.ofNullable(action.nameAt(1));
    }
}
