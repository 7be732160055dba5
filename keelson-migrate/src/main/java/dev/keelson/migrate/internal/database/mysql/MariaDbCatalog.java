package dev.keelson.migrate.internal.database.mysql;

import dev.keelson.migrate.diff.DbSchema;
import dev.keelson.migrate.diff.ObjectKind;
import dev.keelson.migrate.diff.SchemaObject;
import dev.keelson.migrate.internal.diff.CatalogQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the current database ({@code DATABASE()}) of MySQL or MariaDB from {@code information_schema}: tables,
 * columns ({@code COLUMN_TYPE} so enum values and unsigned count, nullability, default, auto-increment and
 * generated expressions), primary keys, unique and check constraints, foreign keys with their actions, other
 * indexes (columns with prefix lengths, uniqueness, method), views, sequences, functions and procedures. References
 * to the database's own name are removed from definitions so two databases compare equal.
 */
final class MariaDbCatalog {
    private MariaDbCatalog() {}

    public static DbSchema read(Connection c, String historyTable) throws SQLException {
        String db = CatalogQuery.one(c, "SELECT DATABASE()");
        List<SchemaObject> all = new ArrayList<>();
        all.addAll(CatalogQuery.list(
                c,
                "SELECT table_name, table_type FROM information_schema.tables "
                        + "WHERE table_schema = ? AND table_type IN ('BASE TABLE', 'SEQUENCE') AND table_name <> ? ORDER BY 1",
                rs -> object(
                        rs.getString(2).equals("SEQUENCE") ? ObjectKind.SEQUENCE : ObjectKind.TABLE,
                        null,
                        rs.getString(1)),
                db,
                historyTable));
        all.addAll(CatalogQuery.list(
                c,
                """
                SELECT c.table_name, c.column_name, c.column_type, c.is_nullable, c.column_default, c.extra,
                       c.generation_expression
                FROM information_schema.columns c JOIN information_schema.tables t
                  ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                WHERE c.table_schema = ? AND c.table_name <> ? ORDER BY 1, c.ordinal_position""",
                rs -> column(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        db),
                db,
                historyTable));
        all.addAll(keys(c, db, historyTable));
        all.addAll(CatalogQuery.list(
                c,
                """
                SELECT k.table_name, k.constraint_name, k.check_clause
                FROM information_schema.check_constraints k WHERE k.constraint_schema = ? AND k.table_name <> ?
                ORDER BY 1, 2""",
                rs -> object(
                        ObjectKind.CHECK,
                        rs.getString(1),
                        rs.getString(2),
                        "definition",
                        "CHECK (" + local(rs.getString(3), db) + ")"),
                db,
                historyTable));
        all.addAll(CatalogQuery.list(
                c,
                """
                SELECT k.table_name, k.constraint_name,
                       GROUP_CONCAT(CONCAT('`', k.column_name, '`') ORDER BY k.ordinal_position SEPARATOR ', '),
                       k.referenced_table_name,
                       GROUP_CONCAT(CONCAT('`', k.referenced_column_name, '`') ORDER BY k.ordinal_position SEPARATOR ', '),
                       r.update_rule, r.delete_rule
                FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r
                  ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
                 AND r.table_name = k.table_name
                WHERE k.table_schema = ? AND k.referenced_table_name IS NOT NULL
                GROUP BY k.table_name, k.constraint_name, k.referenced_table_name, r.update_rule, r.delete_rule
                ORDER BY 1, 2""",
                rs -> object(
                        ObjectKind.FOREIGN_KEY,
                        rs.getString(1),
                        rs.getString(2),
                        "definition",
                        "FOREIGN KEY (" + rs.getString(3) + ") REFERENCES `" + rs.getString(4) + "` (" + rs.getString(5)
                                + ") ON UPDATE " + rs.getString(6) + " ON DELETE " + rs.getString(7)),
                db));
        all.addAll(CatalogQuery.list(
                c,
                "SELECT table_name, view_definition FROM information_schema.views "
                        + "WHERE table_schema = ? ORDER BY 1",
                rs -> object(ObjectKind.VIEW, null, rs.getString(1), "definition", local(rs.getString(2), db)),
                db));
        for (List<String> routine : CatalogQuery.list(
                c,
                "SELECT routine_name, routine_type FROM information_schema.routines "
                        + "WHERE routine_schema = ? ORDER BY 1",
                rs -> List.of(rs.getString(1), rs.getString(2)),
                db)) {
            String type = routine.get(1);
            List<String> create = CatalogQuery.list(
                    c, "SHOW CREATE " + type + " `" + routine.get(0).replace("`", "``") + "`", rs -> rs.getString(3));
            String text = create.isEmpty() || create.getFirst() == null ? "" : local(create.getFirst(), db);
            all.add(object(
                    type.equals("PROCEDURE") ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION,
                    null,
                    routine.get(0),
                    "definition",
                    text.replaceFirst("DEFINER=`[^`]*`@`[^`]*` ", "")));
        }
        return DbSchema.of("mysql", all);
    }

    /** Primary keys, unique keys and plain indexes from {@code statistics}; foreign keys' own indexes included. */
    private static List<SchemaObject> keys(Connection c, String db, String historyTable) throws SQLException {
        return CatalogQuery.list(
                c,
                """
                SELECT s.table_name, s.index_name, MAX(s.non_unique), MAX(s.index_type),
                       GROUP_CONCAT(CONCAT('`', s.column_name, '`', IF(s.sub_part IS NULL, '', CONCAT('(', s.sub_part, ')')))
                                    ORDER BY s.seq_in_index SEPARATOR ', ')
                FROM information_schema.statistics s JOIN information_schema.tables t
                  ON t.table_schema = s.table_schema AND t.table_name = s.table_name AND t.table_type = 'BASE TABLE'
                WHERE s.table_schema = ? AND s.table_name <> ?
                GROUP BY s.table_name, s.index_name ORDER BY 1, 2""",
                rs -> {
                    String name = rs.getString(2);
                    boolean unique = rs.getInt(3) == 0;
                    ObjectKind kind = name.equals("PRIMARY")
                            ? ObjectKind.PRIMARY_KEY
                            : unique ? ObjectKind.UNIQUE : ObjectKind.INDEX;
                    String columns = rs.getString(5);
                    String definition = switch (kind) {
                        case PRIMARY_KEY -> "PRIMARY KEY (" + columns + ")";
                        case UNIQUE -> "UNIQUE KEY (" + columns + ") USING " + rs.getString(4);
                        default ->
                            (rs.getString(4).equals("FULLTEXT")
                                            || rs.getString(4).equals("SPATIAL")
                                    ? rs.getString(4) + " INDEX (" + columns + ")"
                                    : "INDEX (" + columns + ") USING " + rs.getString(4));
                    };
                    return object(kind, rs.getString(1), name, "definition", definition);
                },
                db,
                historyTable);
    }

    private static SchemaObject column(
            String table,
            String name,
            String type,
            String nullable,
            String dflt,
            String extra,
            String generated,
            String db) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("nullable", String.valueOf("YES".equals(nullable)));
        boolean isGenerated = generated != null && !generated.isEmpty();
        p.put("default", isGenerated || "NULL".equals(dflt) ? null : dflt);
        String e = extra == null ? "" : extra.toLowerCase(java.util.Locale.ROOT);
        p.put("identity", e.contains("auto_increment") ? "auto_increment" : null);
        p.put(
                "generated",
                isGenerated
                        ? local(generated, db)
                                + (e.contains("stored") || e.contains("persistent") ? " STORED" : " VIRTUAL")
                        : null);
        p.put(
                "on update",
                e.contains("on update")
                        ? extra.substring(e.indexOf("on update") + "on update".length())
                                .strip()
                        : null);
        return new SchemaObject(ObjectKind.COLUMN, table, name, p);
    }

    private static SchemaObject object(ObjectKind kind, String table, String name, String... pairs) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return new SchemaObject(kind, table, name, p);
    }

    /** {@code text} without {@code `db`.} qualifiers. */
    private static String local(String text, String db) {
        return text == null ? null : text.replace("`" + db + "`.", "").strip();
    }
}
