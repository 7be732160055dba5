package dev.keelson.cli.db;

import dev.keelson.cli.JsonDocument;
import dev.keelson.migrate.diff.Difference;
import dev.keelson.migrate.diff.ObjectKind;
import dev.keelson.migrate.diff.SchemaComparison;
import dev.keelson.migrate.diff.SchemaObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link SchemaComparison}. Text: differences grouped by table (then one group per view, sequence, type
 * or routine), one line each. JSON: {@code command}, {@code equal}, {@code from}, {@code to}, {@code differences[]}
 * with {@code kind}, {@code table}, {@code name}, {@code change} ({@code only_in_from}, {@code only_in_to},
 * {@code changed}), {@code changedProperties}, and the {@code from}/{@code to} properties.
 */
final class DiffDocuments {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DiffDocuments() {}

    /**
     * How the two sides are named.
     *
     * @param from     after "only in", e.g. {@code the database} or {@code --from}
     * @param to       after "only in", e.g. {@code the migrations} or {@code --to}
     * @param fromWord before a value, e.g. {@code database}
     * @param toWord   before a value, e.g. {@code migrations}
     */
    record Sides(String from, String to, String fromWord, String toWord) {
        static final Sides DATABASE_AND_MIGRATIONS =
                new Sides("the database", "the migrations", "database", "migrations");
        static final Sides FROM_AND_TO = new Sides("--from", "--to", "--from", "--to");
    }

    static String text(SchemaComparison comparison, Sides sides) {
        if (comparison.equal()) {
            return "No differences.";
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Difference d : comparison.differences()) {
            String group = d.table() != null
                    ? "table " + d.table()
                    : d.kind() == ObjectKind.TABLE
                            ? "table " + d.name()
                            : d.kind().label() + " " + d.name();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).addAll(lines(d, sides));
        }
        int n = comparison.differences().size();
        StringBuilder b = new StringBuilder(n + (n == 1 ? " difference" : " differences") + " between " + sides.from()
                + " and " + sides.to() + "\n");
        groups.forEach((group, lines) -> {
            b.append('\n').append(group).append('\n');
            lines.forEach(l -> b.append("  ").append(l).append('\n'));
        });
        return b.toString().stripTrailing();
    }

    private static List<String> lines(Difference d, Sides sides) {
        boolean self = d.table() == null;
        String what = self ? "" : d.kind().label() + " " + d.name() + ": ";
        if (d.onlyInFrom() || d.onlyInTo()) {
            SchemaObject o = d.onlyInFrom() ? d.from() : d.to();
            return List.of(what + "only in " + (d.onlyInFrom() ? sides.from() : sides.to()) + summary(o));
        }
        List<String> out = new ArrayList<>();
        for (String p : d.changed()) {
            out.add(what + p + " differs: " + sides.fromWord() + " "
                    + shown(d.from().get(p)) + ", " + sides.toWord() + " " + shown(d.to().get(p)));
        }
        return out;
    }

    private static String summary(SchemaObject o) {
        if (o.kind() == ObjectKind.COLUMN) {
            StringBuilder b = new StringBuilder(" (")
                    .append(o.get("type"))
                    .append("true".equals(o.get("nullable")) ? ", null" : ", not null");
            if (o.get("default") != null) {
                b.append(", default ").append(o.get("default"));
            }
            return b.append(')').toString();
        }
        String definition = o.get("definition");
        if (definition == null || definition.contains("\n") || definition.length() > 100) {
            return "";
        }
        return ": " + definition;
    }

    private static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        String flat = value.replaceAll("\\s+", " ").strip();
        return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
    }

    static String json(SchemaComparison comparison, Sides sides) {
        ObjectNode doc = JsonDocument.of("db diff");
        doc.put("equal", comparison.equal());
        doc.put("from", sides.fromWord());
        doc.put("to", sides.toWord());
        ArrayNode list = doc.putArray("differences");
        for (Difference d : comparison.differences()) {
            ObjectNode n = list.addObject();
            n.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
            n.put("table", d.table());
            n.put("name", d.name());
            n.put("change", d.onlyInFrom() ? "only_in_from" : d.onlyInTo() ? "only_in_to" : "changed");
            ArrayNode changed = n.putArray("changedProperties");
            d.changed().forEach(changed::add);
            properties(n, "from", d.from());
            properties(n, "to", d.to());
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }

    private static void properties(ObjectNode n, String field, SchemaObject o) {
        if (o == null) {
            n.putNull(field);
            return;
        }
        ObjectNode p = n.putObject(field);
        o.properties().forEach(p::put);
    }
}
