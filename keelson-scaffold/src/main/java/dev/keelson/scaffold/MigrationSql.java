package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The migration pair of an added resource: {@code V<n>__<table>.sql} creates its table and indexes,
 * {@code U<n>__<table>.sql} drops them. The table is new, so its indexes are built in the same transaction (no
 * {@code CONCURRENTLY}, which the lint asks for only on tables earlier versions made). Rows are soft-deleted
 * ({@code deleted_at}), so a unique field is unique among live rows only.
 */
final class MigrationSql {
    /** PostgreSQL's identifier length. */
    private static final int MAX_IDENTIFIER = 63;

    private final ResourceSpec spec;

    MigrationSql(ResourceSpec spec) {
        this.spec = spec;
    }

    String versionedPath() {
        return ExistingProject.MIGRATIONS + "/V" + spec.project().nextVersion() + "__"
                + spec.name().table() + ".sql";
    }

    String undoPath() {
        return ExistingProject.MIGRATIONS + "/U" + spec.project().nextVersion() + "__"
                + spec.name().table() + ".sql";
    }

    String versioned(String command) {
        String table = spec.name().table();
        List<String> columns = new ArrayList<>();
        columns.add(column("id", "uuid", "PRIMARY KEY"));
        if (spec.owned()) {
            columns.add(column("user_id", "uuid", "NOT NULL REFERENCES users (id)"));
        }
        spec.fields().forEach(f -> columns.add(column(f.column(), f.type().sqlType(), constraints(f))));
        columns.add(column("version", "integer", "NOT NULL DEFAULT 1"));
        columns.add(column("created_at", "timestamptz", "NOT NULL DEFAULT now()"));
        columns.add(column("updated_at", "timestamptz", "NOT NULL DEFAULT now()"));
        columns.add(column("deleted_at", "timestamptz", ""));
        StringBuilder sql = new StringBuilder()
                .append("-- ")
                .append(capitalized(spec.name().pluralWords()))
                .append(", added with: ")
                .append(command)
                .append("\nCREATE TABLE ")
                .append(table)
                .append(" (\n")
                .append(String.join(",\n", columns))
                .append("\n);\n");
        indexes().forEach(i -> sql.append(i).append('\n'));
        return sql.toString();
    }

    String undo() {
        return "DROP TABLE " + spec.name().table() + ";\n";
    }

    private List<String> indexes() {
        String table = spec.name().table();
        List<String> out = new ArrayList<>();
        out.add("-- keyset pagination, newest first" + (spec.owned() ? "; per owner, and across owners (admins)" : ""));
        if (spec.owned()) {
            out.add(index(table, "user_created", "user_id, created_at DESC, id DESC"));
        }
        out.add(index(table, "created", "created_at DESC, id DESC"));
        for (Field f : spec.sortFields()) {
            out.add("-- sort=" + f.name() + " and sort=-" + f.name() + ": one index serves both directions");
            if (spec.owned()) {
                out.add(index(table, "user_" + f.column(), "user_id, " + f.column() + ", id"));
            }
            out.add(index(table, f.column() + "_sort", f.column() + ", id"));
        }
        for (Field f : spec.filterFields()) {
            if (!f.unique()) {
                out.add(index(table, f.column(), f.column()));
            }
        }
        for (Field f : spec.fields()) {
            if (f.unique()) {
                out.add("CREATE UNIQUE INDEX " + name(table, f.column(), "key") + " ON " + table + " (" + f.column()
                        + ") WHERE deleted_at IS NULL;");
            }
        }
        return out;
    }

    private static String index(String table, String what, String columns) {
        return "CREATE INDEX " + name(table, what, "idx") + " ON " + table + " (" + columns + ");";
    }

    /** {@code table_what_suffix}, shortened to PostgreSQL's 63 characters when it must be. */
    private static String name(String table, String what, String suffix) {
        String full = table + "_" + what + "_" + suffix;
        if (full.length() <= MAX_IDENTIFIER) {
            return full;
        }
        String hash = Integer.toHexString(full.hashCode() & 0xfffffff);
        return full.substring(0, MAX_IDENTIFIER - suffix.length() - hash.length() - 2) + "_" + hash + "_" + suffix;
    }

    private static String constraints(Field f) {
        List<String> parts = new ArrayList<>();
        if (f.required()) {
            parts.add("NOT NULL");
        }
        switch (f.type()) {
            case FieldType.Text t ->
                parts.add("CHECK (char_length(" + f.column() + ")" + (f.required() ? " BETWEEN 1 AND " : " <= ")
                        + t.maxLength() + ")");
            case FieldType.Choice c ->
                parts.add("CHECK (" + f.column() + " IN ("
                        + c.constants().stream().map(k -> "'" + k + "'").collect(Collectors.joining(", ")) + "))");
            case FieldType.Reference r -> parts.add("REFERENCES " + r.target().table() + " (id)");
            case FieldType.Whole w -> {}
            case FieldType.Decimal d -> {}
            case FieldType.Bool b -> {}
            case FieldType.Day d -> {}
            case FieldType.Timestamp t -> {}
        }
        return String.join(" ", parts);
    }

    private String column(String name, String type, String rest) {
        int width =
                spec.fields().stream().mapToInt(f -> f.column().length()).max().orElse(0);
        return ("    " + pad(name, Math.max(width, "created_at".length())) + " " + pad(type, 14) + " " + rest)
                .stripTrailing();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String capitalized(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
