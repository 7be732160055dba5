package dev.keelson.migrate.internal.diff;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quoting names in generated SQL. PostgreSQL: a name is quoted ({@code "Name"}, {@code ""} doubled) unless it is
 * lower case letters, digits, {@code _} and {@code $} starting with a letter or {@code _}, and not a keyword that
 * {@code pg_get_keywords()} of PostgreSQL 15 lists as reserved, type/function or column-name keyword. MySQL/MariaDB:
 * every name is quoted with back-ticks ({@code ``} doubled), which is always correct there.
 */
enum Quoting {
    POSTGRESQL,
    MYSQL;

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Set<String> PG_KEYWORDS = Set.of(
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

    String quote(String name) {
        if (this == MYSQL) {
            return "`" + name.replace("`", "``") + "`";
        }
        if (PLAIN.matcher(name).matches() && !PG_KEYWORDS.contains(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
