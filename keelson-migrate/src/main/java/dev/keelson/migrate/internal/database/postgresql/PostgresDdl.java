package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.diff.ObjectKind;
import dev.keelson.migrate.diff.SchemaObject;
import dev.keelson.migrate.internal.diff.DdlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL DDL. A name is quoted ({@code "Name"}, {@code ""} doubled) unless it is lower case letters, digits,
 * {@code _} and {@code $} starting with a letter or {@code _}, and not a keyword that {@code pg_get_keywords()} of
 * PostgreSQL 15 lists as reserved, type/function or column-name keyword.
 */
final class PostgresDdl implements DdlWriter {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Set<String> KEYWORDS = Set.of(
            ("all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean "
                            + "both case cast char character check coalesce collate collation column concurrently constraint "
                            + "create cross current_catalog current_date current_role current_schema current_time "
                            + "current_timestamp current_user dec decimal default deferrable desc distinct do else end except "
                            + "exists extract false fetch float for foreign freeze from full grant greatest group grouping having "
                            + "ilike in initially inner inout int integer intersect interval into is isnull join lateral leading "
                            + "least left like limit localtime localtimestamp national natural nchar none normalize not notnull "
                            + "null nullif numeric offset on only or order out outer overlaps overlay placing position precision "
                            + "primary real references returning right row select session_user setof similar smallint some "
                            + "substring symmetric table tablesample then time timestamp to trailing treat trim true union unique "
                            + "user using values varchar variadic verbose when where window with xmlattributes xmlconcat "
                            + "xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable")
                    .split(" "));

    @Override
    public String quote(String name) {
        if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String primaryKeyClause(SchemaObject primaryKey) {
        return "CONSTRAINT " + quote(primaryKey.name()) + " " + primaryKey.get("definition");
    }

    @Override
    public String columnDefinition(SchemaObject c) {
        StringBuilder b = new StringBuilder(quote(c.name())).append(' ').append(c.get("type"));
        if (c.get("generated") != null) {
            b.append(" GENERATED ALWAYS AS (").append(c.get("generated")).append(") STORED");
        }
        if (c.get("identity") != null) {
            b.append(" GENERATED ")
                    .append(c.get("identity").toUpperCase(Locale.ROOT))
                    .append(" AS IDENTITY");
        }
        if (c.get("default") != null) {
            b.append(" DEFAULT ").append(c.get("default"));
        }
        if ("false".equals(c.get("nullable"))) {
            b.append(" NOT NULL");
        }
        return b.toString();
    }

    @Override
    public List<String> alterColumn(SchemaObject from, SchemaObject to, List<String> changed) {
        String alter = "ALTER TABLE " + table(to) + " ALTER COLUMN " + quote(to.name());
        if (changed.contains("generated")) {
            return List.of(dropColumn(from), addColumn(to));
        }
        List<String> out = new ArrayList<>();
        if (changed.contains("identity") && from.get("identity") != null) {
            out.add(alter + " DROP IDENTITY");
        }
        if (changed.contains("default") && from.get("default") != null) {
            out.add(alter + " DROP DEFAULT");
        }
        if (changed.contains("type")) {
            out.add(alter + " TYPE " + to.get("type") + " USING " + quote(to.name()) + "::" + to.get("type"));
        }
        if (changed.contains("default") && to.get("default") != null) {
            out.add(alter + " SET DEFAULT " + to.get("default"));
        }
        if (changed.contains("nullable")) {
            out.add(alter + ("false".equals(to.get("nullable")) ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        if (changed.contains("identity") && to.get("identity") != null) {
            out.add(alter + " ADD GENERATED " + to.get("identity").toUpperCase(Locale.ROOT) + " AS IDENTITY");
        }
        return out;
    }

    @Override
    public String addConstraint(SchemaObject constraint) {
        return "ALTER TABLE " + table(constraint) + " ADD CONSTRAINT " + quote(constraint.name()) + " "
                + constraint.get("definition");
    }

    @Override
    public String dropConstraint(SchemaObject constraint) {
        return "ALTER TABLE " + table(constraint) + " DROP CONSTRAINT " + quote(constraint.name());
    }

    @Override
    public String createIndex(SchemaObject index) {
        return index.get("definition");
    }

    @Override
    public String dropIndex(SchemaObject index) {
        return "DROP INDEX " + quote(index.name());
    }

    @Override
    public String create(SchemaObject o) {
        return switch (o.kind()) {
            case ENUM -> "CREATE TYPE " + quote(o.name()) + " AS ENUM (" + o.get("labels") + ")";
            case SEQUENCE ->
                "CREATE SEQUENCE " + quote(o.name()) + " AS " + o.get("type") + " INCREMENT BY "
                        + o.get("increment") + " MINVALUE " + o.get("min") + " MAXVALUE " + o.get("max")
                        + " START WITH "
                        + o.get("start") + ("true".equals(o.get("cycle")) ? " CYCLE" : " NO CYCLE");
            case VIEW -> "CREATE VIEW " + quote(o.name()) + " AS\n" + stripSemicolon(o.get("definition"));
            case FUNCTION, PROCEDURE -> stripSemicolon(o.get("definition"));
            default -> throw new IllegalArgumentException(o.kind() + " is not a top-level object");
        };
    }

    @Override
    public String drop(SchemaObject o) {
        return switch (o.kind()) {
            case ENUM -> "DROP TYPE " + quote(o.name());
            case SEQUENCE -> "DROP SEQUENCE IF EXISTS " + quote(o.name());
            case VIEW -> "DROP VIEW " + quote(o.name());
            case FUNCTION, PROCEDURE -> "DROP " + o.kind().name() + " " + signature(o.name());
            default -> throw new IllegalArgumentException(o.kind() + " is not a top-level object");
        };
    }

    private String signature(String key) {
        int open = key.indexOf('(');
        return quote(key.substring(0, open)) + key.substring(open);
    }

    @Override
    public List<String> afterTables(SchemaObject o) {
        String owner = o.get("owned by");
        return o.kind() == ObjectKind.SEQUENCE && owner != null
                ? List.of("ALTER SEQUENCE " + quote(o.name()) + " OWNED BY " + owner)
                : List.of();
    }

    @Override
    public boolean implicit(SchemaObject o) {
        return o.kind() == ObjectKind.SEQUENCE
                && o.get("owned by") != null
                && o.get("owned by").endsWith(" identity");
    }

    private static String stripSemicolon(String text) {
        String t = text.strip();
        return t.endsWith(";") ? t.substring(0, t.length() - 1).strip() : t;
    }
}
