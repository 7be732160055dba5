package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The repository of an added resource: its table through {@code JdbcClient}, soft-deleted rows invisible. */
final class RepositoryCode {
    private final ResourceSpec spec;
    private final ResourceName r;
    private final List<FieldCode> fields;
    /** The owner filter parameter's declaration, or nothing when rows have no owner. */
    private final String owner;

    RepositoryCode(ResourceSpec spec, List<FieldCode> fields) {
        this.spec = spec;
        this.r = spec.name();
        this.fields = fields;
        this.owner = spec.owned() ? "UUID ownerFilter, " : "";
    }

    String body() {
        String owned = spec.owned() ? """
                    /** Only the owner's rows, or every row when {@code :ownerFilter} is {@code null} (an admin). */
                    private static final String REACHABLE = "(CAST(:ownerFilter AS uuid) IS NULL OR user_id = :ownerFilter)";
                """ : "";
        return """
                /**
                 * The {@code %1$s} table. Soft-deleted rows are invisible. Lists are always bounded by a limit.%2$s
                 */
                @Repository
                class %3$s {
                    private static final String COLUMNS = %4$s;
                %5$s
                    private final JdbcClient jdbc;
                    private final IdGenerator ids;

                    %3$s(JdbcClient jdbc, IdGenerator ids) {
                        this.jdbc = jdbc;
                        this.ids = ids;
                    }
                %6$s%7$s%8$s%9$s%10$s%11$s%12$s}
                """.formatted(
                        r.table(),
                        spec.owned()
                                ? "\n * Every read and write takes an owner filter: {@code null} only for admins, who reach every row."
                                : "",
                        r.pluralClassName(),
                        columns(),
                        owned,
                        insert(),
                        find(),
                        list(),
                        replace(),
                        softDelete(),
                        exists(),
                        map());
    }

    private String columns() {
        return Lines.literal(columnList(), 41, "            ");
    }

    private List<String> columnList() {
        List<String> columns = new ArrayList<>();
        if (spec.owned()) {
            columns.add("user_id");
        }
        columns.add("id");
        fields.forEach(f -> columns.add(f.field().column()));
        columns.addAll(List.of("version", "created_at", "updated_at"));
        return columns;
    }

    /** {@code .param("title", input.title())...}, one line each. */
    private String params(String input) {
        return fields.stream()
                .map(f -> "\n                .param(\"" + f.name() + "\", " + f.param(input + "." + f.name() + "()")
                        + ")")
                .collect(Collectors.joining());
    }

    private String insert() {
        List<String> names = new ArrayList<>(spec.owned() ? List.of("user_id", "id") : List.of("id"));
        List<String> marks = new ArrayList<>(spec.owned() ? List.of(":owner", ":id") : List.of(":id"));
        fields.forEach(f -> names.add(f.field().column()));
        fields.forEach(f -> marks.add(":" + f.name()));
        String sql = "INSERT INTO " + r.table() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", marks) + ") RETURNING ";
        return """

                    /** Inserts a new %1$s and returns it as stored. */
                    %2$s insert(%3$s%2$sInput input) {
                        return jdbc.sql(%4$s + COLUMNS)%5$s
                                .param("id", ids.next())%6$s
                                .query(%7$s::map)
                                .single();
                    }
                """.formatted(
                        r.words(),
                        r.className(),
                        spec.owned() ? "UUID owner, " : "",
                        Lines.text(sql, 24, "                        "),
                        spec.owned() ? "\n                .param(\"owner\", owner)" : "",
                        params("input"),
                        r.pluralClassName());
    }

    private String find() {
        return """

                    Optional<%1$s> find(%2$sUUID id) {
                        return jdbc.sql("SELECT " + COLUMNS + " FROM %3$s "
                                        + "WHERE id = :id AND deleted_at IS NULL%4$s)
                                .param("id", id)%5$s
                                .query(%6$s::map)
                                .optional();
                    }
                """.formatted(r.className(), owner, r.table(), reachable(), ownerParam(), r.pluralClassName());
    }

    /** The end of a statement's literal: with an owner, {@code AND} the reachable rows. */
    private String reachable() {
        return spec.owned() ? " AND \" + REACHABLE" : "\"";
    }

    private String ownerParam() {
        return spec.owned() ? "\n                .param(\"ownerFilter\", ownerFilter)" : "";
    }

    private String list() {
        StringBuilder filters = new StringBuilder();
        if (spec.owned()) {
            filters.append("\n                .where(REACHABLE)\n                .param(\"ownerFilter\", ownerFilter)");
        }
        for (FieldCode f : fields) {
            if (f.field().filter() && f.type() instanceof FieldType.Timestamp) {
                String column = f.field().column();
                filters.append("\n                .whereFrom(\"" + column + "\", filter." + f.name() + "From())")
                        .append("\n                .whereBefore(\"" + column + "\", filter." + f.name() + "To())");
            } else if (f.field().filter()) {
                filters.append("\n                .whereEquals(\"" + f.field().column() + "\", \"" + f.sqlCast()
                        + "\", " + f.param("filter." + f.name() + "()") + ")");
            }
        }
        return """

                    /** Up to {@code limit + 1} rows in the {@code sort} order after the cursor. */
                    List<%1$s> list(%2$s%1$sFilter filter, Sort<%1$s> sort, Cursor after, int limit) {
                        return KeysetQuery.select(COLUMNS, "%3$s")%4$s
                                .whereFrom("created_at", filter.createdFrom())
                                .whereBefore("created_at", filter.createdTo())
                                .sorted(sort, after)
                                .fetch(jdbc, limit, %5$s::map);
                    }
                """.formatted(r.className(), owner, r.table(), filters, r.pluralClassName());
    }

    private String replace() {
        String sql = "UPDATE " + r.table() + " SET "
                + fields.stream()
                        .map(f -> f.field().column() + " = :" + f.name())
                        .collect(Collectors.joining(", "))
                + ", version = version + 1, updated_at = now() ";
        return """

                    /** Replaces the fields if the version still matches; the new row, or empty when it did not match. */
                    Optional<%1$s> replace(%2$sUUID id, int expectedVersion, %1$sInput input) {
                        return jdbc.sql(%3$s
                                        + "WHERE id = :id AND version = :version AND deleted_at IS NULL%4$s
                                        + " RETURNING " + COLUMNS)%5$s
                                .param("id", id)
                                .param("version", expectedVersion)%6$s
                                .query(%7$s::map)
                                .optional();
                    }
                """.formatted(
                        r.className(),
                        owner,
                        Lines.text(sql, 24, "                        "),
                        reachable(),
                        params("input"),
                        ownerParam(),
                        r.pluralClassName());
    }

    private String softDelete() {
        return """

                    /** Marks the row deleted (it stays in the table); false when there is no such live row. */
                    boolean softDelete(%1$sUUID id) {
                        return jdbc.sql("UPDATE %2$s SET deleted_at = now(), updated_at = now(), version = version + 1 "
                                        + "WHERE id = :id AND deleted_at IS NULL%3$s)
                                .param("id", id)%4$s
                                .update() == 1;
                    }
                """.formatted(owner, r.table(), reachable(), ownerParam());
    }

    /**
     * One existence check per referenced table, for the service to refuse a dangling reference with a 400; a table
     * whose rows have owners counts only the rows the caller reaches ({@code ownerFilter}: {@code null} for admins).
     */
    private String exists() {
        StringBuilder out = new StringBuilder();
        for (FieldCode f : fields) {
            if (f.type() instanceof FieldType.Reference ref
                    && spec.target(ref).owned()
                    && !out.toString().contains(" " + ref.target().variable() + "Exists(")) {
                out.append("""

                            /** True when a live %1$s has {@code id} and the caller reaches it. */
                            boolean %2$sExists(UUID ownerFilter, UUID id) {
                                return jdbc.sql("SELECT EXISTS (SELECT 1 FROM %3$s WHERE id = :id AND deleted_at IS NULL "
                                                + "AND (CAST(:ownerFilter AS uuid) IS NULL OR user_id = :ownerFilter))")
                                        .param("id", id)
                                        .param("ownerFilter", ownerFilter)
                                        .query(Boolean.class)
                                        .single();
                            }
                        """.formatted(
                                ref.target().words(),
                                ref.target().variable(),
                                ref.target().table()));
            } else if (f.type() instanceof FieldType.Reference ref
                    && !out.toString().contains(" " + ref.target().variable() + "Exists(")) {
                out.append("""

                            /** True when a live %1$s has {@code id}. */
                            boolean %2$sExists(UUID id) {
                                return jdbc.sql("SELECT EXISTS (SELECT 1 FROM %3$s WHERE id = :id AND deleted_at IS NULL)")
                                        .param("id", id)
                                        .query(Boolean.class)
                                        .single();
                            }
                        """.formatted(
                                ref.target().words(),
                                ref.target().variable(),
                                ref.target().table()));
            }
        }
        return out.toString();
    }

    private String map() {
        List<String> reads = new ArrayList<>();
        if (spec.owned()) {
            reads.add("Rows.uuid(rs, \"user_id\")");
        }
        reads.add("Rows.uuid(rs, \"id\")");
        fields.forEach(f -> reads.add(f.read()));
        reads.addAll(List.of(
                "rs.getInt(\"version\")", "Rows.instant(rs, \"created_at\")", "Rows.instant(rs, \"updated_at\")"));
        return """

                    private static %1$s map(ResultSet rs, int row) throws SQLException {
                        return new %1$s(
                                %2$s);
                    }
                """.formatted(r.className(), String.join(",\n                ", reads));
    }
}
