package dev.keelson.migrate.internal.database.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL column type as the lint reads it from SQL text: its canonical base name (the spelling
 * {@code pg_type} uses for the common aliases: {@code int4} and {@code integer} → {@code int4},
 * {@code character varying} → {@code varchar}, {@code timestamp with time zone} → {@code timestamptz}) and its
 * numeric modifiers ({@code varchar(20)} → [20], {@code numeric(10,2)} → [10, 2]; none when unbounded).
 */
record PgType(String base, List<Integer> mods) {
    private static final Pattern SHAPE = Pattern.compile("([a-z_][a-z0-9_ .\"]*)(?:\\(([0-9 ,]*)\\))?(.*)");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "int4"),
            Map.entry("integer", "int4"),
            Map.entry("int4", "int4"),
            Map.entry("serial", "int4"),
            Map.entry("bigint", "int8"),
            Map.entry("int8", "int8"),
            Map.entry("bigserial", "int8"),
            Map.entry("smallint", "int2"),
            Map.entry("int2", "int2"),
            Map.entry("character varying", "varchar"),
            Map.entry("varchar", "varchar"),
            Map.entry("character", "bpchar"),
            Map.entry("char", "bpchar"),
            Map.entry("bpchar", "bpchar"),
            Map.entry("decimal", "numeric"),
            Map.entry("numeric", "numeric"),
            Map.entry("bit varying", "varbit"),
            Map.entry("varbit", "varbit"),
            Map.entry("bool", "bool"),
            Map.entry("boolean", "bool"),
            Map.entry("real", "float4"),
            Map.entry("float4", "float4"),
            Map.entry("double precision", "float8"),
            Map.entry("float8", "float8"),
            Map.entry("float", "float8"),
            Map.entry("timestamptz", "timestamptz"),
            Map.entry("timetz", "timetz"));

    static PgType parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) {
            return new PgType(t, List.of());
        }
        String name = m.group(1).strip();
        String suffix = m.group(3).strip();
        if (name.startsWith("pg_catalog.")) {
            name = name.substring("pg_catalog.".length());
        }
        if (name.equals("timestamp") || name.equals("time")) {
            name = suffix.startsWith("with time zone") ? name + "tz" : name;
        } else if (name.startsWith("timestamp with") || name.startsWith("time with")) {
            name = name.startsWith("timestamp") ? "timestamptz" : "timetz";
        } else if (name.endsWith(" without time zone")) {
            name = name.substring(0, name.length() - " without time zone".length());
        }
        String base = ALIASES.getOrDefault(name, name);
        return new PgType(suffix.startsWith("[") || name.endsWith("[]") ? base + "[]" : base, mods(m.group(2)));
    }

    private static List<Integer> mods(String text) {
        List<Integer> mods = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank() && part.strip().length() < 10) {
                    mods.add(Integer.parseInt(part.strip()));
                }
            }
        }
        return List.copyOf(mods);
    }
}
