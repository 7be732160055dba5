package dev.keelson.migrate.internal.database.postgresql;

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
 * Reads the current schema ({@code current_schema()}) of a PostgreSQL database from {@code pg_catalog}: tables,
 * columns (type, nullability, default, identity, generated), constraints by {@code pg_get_constraintdef}, indexes
 * not backing a constraint by {@code pg_get_indexdef}, views, sequences, enum types, functions and procedures by
 * {@code pg_get_functiondef}. Objects of extensions and the history table are left out.
 */
final class PostgresCatalog {
    private static final String TABLES =
            "c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) "
                    + "AND c.relkind IN ('r', 'p') AND c.relname <> ? AND NOT c.relispartition";

    private PostgresCatalog() {}

    public static DbSchema read(Connection c, String historyTable) throws SQLException {
        List<SchemaObject> all = new ArrayList<>();
        String schema = CatalogQuery.one(c, "SELECT quote_ident(current_schema())");
        all.addAll(CatalogQuery.list(
                c,
                "SELECT c.relname FROM pg_class c WHERE " + TABLES + " ORDER BY 1",
                rs -> object(ObjectKind.TABLE, null, rs.getString(1)),
                historyTable));
        all.addAll(CatalogQuery.list(
                c,
                """
                SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
                FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
                WHERE %s AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, a.attnum""".formatted(TABLES),
                rs -> column(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        !rs.getBoolean(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)),
                historyTable));
        all.addAll(CatalogQuery.list(
                c,
                """
                SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                WHERE %s ORDER BY 1, 2""".formatted(TABLES),
                rs -> object(
                        constraintKind(rs.getString(3)),
                        rs.getString(1),
                        rs.getString(2),
                        "definition",
                        rs.getString(4)),
                historyTable));
        all.addAll(CatalogQuery.list(
                c,
                """
                SELECT c.relname, i.relname, pg_get_indexdef(x.indexrelid)
                FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
                WHERE %s AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = c.oid)
                ORDER BY 1, 2""".formatted(TABLES),
                rs -> object(
                        ObjectKind.INDEX,
                        rs.getString(1),
                        rs.getString(2),
                        "definition",
                        unqualified(rs.getString(3), schema)),
                historyTable));
        all.addAll(CatalogQuery.list(
                c,
                """
                SELECT viewname, pg_get_viewdef(format('%I.%I', schemaname, viewname)::regclass, true)
                FROM pg_views WHERE schemaname = current_schema() ORDER BY 1""",
                rs -> object(
                        ObjectKind.VIEW,
                        null,
                        rs.getString(1),
                        "definition",
                        rs.getString(2).strip())));
        all.addAll(CatalogQuery.list(
                c,
                """
                SELECT s.sequencename, s.data_type::text, s.start_value::text, s.increment_by::text, s.min_value::text,
                       s.max_value::text, s.cycle::text,
                       (SELECT quote_ident(c.relname) || '.' || quote_ident(a.attname) || CASE d.deptype WHEN 'i' THEN ' identity' ELSE '' END
                        FROM pg_depend d JOIN pg_class c ON c.oid = d.refobjid
                        JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                        WHERE d.objid = format('%I.%I', s.schemaname, s.sequencename)::regclass
                          AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1)
                FROM pg_sequences s WHERE s.schemaname = current_schema() ORDER BY 1""",
                rs -> object(
                        ObjectKind.SEQUENCE,
                        null,
                        rs.getString(1),
                        "type",
                        rs.getString(2),
                        "start",
                        rs.getString(3),
                        "increment",
                        rs.getString(4),
                        "min",
                        rs.getString(5),
                        "max",
                        rs.getString(6),
                        "cycle",
                        rs.getString(7),
                        "owned by",
                        rs.getString(8))));
        all.addAll(CatalogQuery.list(
                c, """
                SELECT t.typname, string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
                WHERE t.typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                GROUP BY t.typname ORDER BY 1""", rs -> object(ObjectKind.ENUM, null, rs.getString(1), "labels", rs.getString(2))));
        all.addAll(CatalogQuery.list(
                c,
                """
                SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.prokind,
                       pg_get_functiondef(p.oid)
                FROM pg_proc p
                WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                  AND p.prokind IN ('f', 'p')
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
                ORDER BY 1""",
                rs -> object(
                        rs.getString(2).equals("p") ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION,
                        null,
                        rs.getString(1),
                        "definition",
                        rs.getString(3).strip())));
        return DbSchema.of("postgresql", all);
    }

    private static ObjectKind constraintKind(String type) {
        return switch (type) {
            case "p" -> ObjectKind.PRIMARY_KEY;
            case "u" -> ObjectKind.UNIQUE;
            case "f" -> ObjectKind.FOREIGN_KEY;
            default -> ObjectKind.CHECK;
        };
    }

    private static SchemaObject column(
            String table, String name, String type, boolean nullable, String dflt, String identity, String generated) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("nullable", String.valueOf(nullable));
        boolean isGenerated = generated != null && !generated.isEmpty();
        p.put("default", isGenerated ? null : dflt);
        p.put(
                "identity",
                identity == null || identity.isEmpty() ? null : identity.equals("a") ? "always" : "by default");
        p.put("generated", isGenerated ? dflt : null);
        return new SchemaObject(ObjectKind.COLUMN, table, name, p);
    }

    private static SchemaObject object(ObjectKind kind, String table, String name, String... pairs) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return new SchemaObject(kind, table, name, p);
    }

    /** An index definition without its {@code ON schema.} qualifier, so two databases compare equal. */
    private static String unqualified(String definition, String schema) {
        return definition.replace(" ON " + schema + ".", " ON ").replace(" ON ONLY " + schema + ".", " ON ONLY ");
    }
}
