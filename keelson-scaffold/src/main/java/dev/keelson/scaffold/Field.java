package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field of an added resource, from its command-line spelling {@code NAME:TYPE[:MODIFIER]...}, for example
 * {@code title:text(200)}, {@code price:money}, {@code sku:text(40):unique}, {@code customer:ref(customer)},
 * {@code status:enum(DRAFT,LIVE):filter}, {@code shipsOn:date:optional}. Types are those of {@link FieldType};
 * modifiers:
 *
 * <pre>
 * optional   may be absent or null (fields are required unless said)
 * unique     no two live rows hold the same value (a unique index over rows that are not deleted)
 * filter     lists may filter on it (NAME=value), with an index; enum, boolean and ref fields filter anyway
 * sort       lists may sort on it (sort=NAME ascending, sort=-NAME descending; NULLs last ascending, first
 *            descending), with an index on (column, id); every list sorts on createdAt
 * </pre>
 *
 * @param name     the Java name, lower camel case ({@code shipsOn}); a reference's ends in {@code Id}
 * @param type     what it holds
 * @param required not null; the API refuses a request without it
 * @param unique   unique over live rows
 * @param filter   a list filter
 * @param sort     a list sort
 */
record Field(String name, FieldType type, boolean required, boolean unique, boolean filter, boolean sort) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern TYPE = Pattern.compile("([a-z]+)(?:\\((.*)\\))?");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final int MAX_NAME = 40;
    /** Columns every resource has, and names the generated code uses itself. */
    private static final Set<String> RESERVED = Set.of(
            "id",
            "version",
            "createdAt",
            "updatedAt",
            "deletedAt",
            "userId",
            "owner",
            "cursor",
            "limit",
            "sort",
            "createdFrom",
            "createdTo");

    Field {
        if (!NAME.matcher(name).matches() || name.length() > MAX_NAME) {
            throw invalid(
                    name + ":" + type.spelling(),
                    "the name must be lower camel case, at most " + MAX_NAME + " letters");
        }
        if (RESERVED.contains(name) || Keywords.isReserved(name) || Keywords.isReserved(column(name))) {
            throw invalid(
                    name + ":" + type.spelling(),
                    "'" + name + "' is reserved (a Java or SQL keyword, or a column every resource has): rename it");
        }
    }

    /**
     * Reads {@code spec}; {@code resources} resolves a {@code ref(...)} target to a resource of the project.
     *
     * @throws ScaffoldException {@link ScaffoldErrorCode#INVALID_FIELD} naming what is wrong and the types there are
     */
    static Field parse(String spec, Function<String, ResourceName> resources) {
        String[] parts = spec.strip().split(":");
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw invalid(spec, "write NAME:TYPE, for example title:text(200) or price:money");
        }
        String name = camel(parts[0]);
        FieldType type = type(spec, parts[1], resources);
        if (type instanceof FieldType.Reference && !name.endsWith("Id")) {
            name = name + "Id";
        }
        List<String> modifiers = new ArrayList<>(Arrays.asList(parts).subList(2, parts.length));
        for (String m : modifiers) {
            if (!Set.of("optional", "unique", "filter", "sort").contains(m)) {
                throw invalid(spec, "unknown modifier '" + m + "': use optional, unique, filter or sort");
            }
        }
        boolean filterByType = type instanceof FieldType.Choice
                || type instanceof FieldType.Bool
                || type instanceof FieldType.Reference;
        return new Field(
                name,
                type,
                !modifiers.contains("optional"),
                modifiers.contains("unique"),
                filterByType || modifiers.contains("filter"),
                modifiers.contains("sort"));
    }

    private static FieldType type(String spec, String text, Function<String, ResourceName> resources) {
        Matcher m = TYPE.matcher(text);
        if (!m.matches()) {
            throw unknownType(spec, text);
        }
        String args = m.group(2);
        return switch (m.group(1)) {
            case "text", "string" -> new FieldType.Text(textLength(spec, args));
            case "integer", "int" -> noArgs(spec, args, new FieldType.Whole());
            case "decimal" -> decimal(spec, args);
            case "money" -> noArgs(spec, args, FieldType.Decimal.MONEY);
            case "boolean", "bool" -> noArgs(spec, args, new FieldType.Bool());
            case "date" -> noArgs(spec, args, new FieldType.Day());
            case "timestamp", "instant" -> noArgs(spec, args, new FieldType.Timestamp());
            case "enum" -> choice(spec, args);
            case "ref" -> new FieldType.Reference(reference(spec, args, resources));
            default -> throw unknownType(spec, text);
        };
    }

    private static int textLength(String spec, String args) {
        if (args == null) {
            return FieldType.Text.DEFAULT;
        }
        int length = number(spec, args);
        if (length < 1 || length > FieldType.Text.MAX) {
            throw invalid(spec, "a text's maximum length is 1 to " + FieldType.Text.MAX);
        }
        return length;
    }

    private static FieldType decimal(String spec, String args) {
        if (args == null) {
            return new FieldType.Decimal(19, 4, false);
        }
        String[] ps = args.split(",", -1);
        int precision = number(spec, ps[0].strip());
        int scale = ps.length > 1 ? number(spec, ps[1].strip()) : 0;
        if (ps.length > 2 || precision < 1 || precision > 38 || scale < 0 || scale > precision) {
            throw invalid(spec, "write decimal(PRECISION,SCALE) with 1 <= PRECISION <= 38 and 0 <= SCALE <= PRECISION");
        }
        return new FieldType.Decimal(precision, scale, false);
    }

    private static FieldType choice(String spec, String args) {
        List<String> constants = args == null
                ? List.of()
                : Arrays.stream(args.split(",")).map(String::strip).toList();
        if (constants.isEmpty()
                || !constants.stream().allMatch(c -> CONSTANT.matcher(c).matches())
                || Set.copyOf(constants).size() != constants.size()) {
            throw invalid(spec, "write enum(A,B,...) with distinct upper-case constants, for example enum(DRAFT,LIVE)");
        }
        return new FieldType.Choice(constants);
    }

    private static ResourceName reference(String spec, String args, Function<String, ResourceName> resources) {
        if (args == null || args.isBlank()) {
            throw invalid(spec, "write ref(RESOURCE), for example ref(customer)");
        }
        return resources.apply(args.strip());
    }

    private static <T extends FieldType> T noArgs(String spec, String args, T type) {
        if (args != null) {
            throw invalid(spec, type.spelling() + " takes no arguments");
        }
        return type;
    }

    private static int number(String spec, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(spec, "'" + text + "' is not a whole number");
        }
    }

    /** {@code ships_on} and {@code shipsOn} → {@code shipsOn}. */
    static String camel(String typed) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : typed.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code shipsOn} → {@code ships_on}. */
    static String column(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    String column() {
        return column(name);
    }

    /** The Java type; an enum's is named after the field ({@code status} → {@code Status}). */
    String javaType() {
        return type instanceof FieldType.Choice ? capitalized() : type.javaType();
    }

    /** {@code shipsOn} → {@code ShipsOn}. */
    String capitalized() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** How the field is written on the command line, read back by {@link #parse}. */
    String spelling() {
        String base = (type instanceof FieldType.Reference ? name.substring(0, name.length() - 2) : name) + ":"
                + type.spelling();
        return base
                + (required ? "" : ":optional")
                + (unique ? ":unique" : "")
                + (filter && !filteredByType() ? ":filter" : "")
                + (sort ? ":sort" : "");
    }

    private boolean filteredByType() {
        return type instanceof FieldType.Choice
                || type instanceof FieldType.Bool
                || type instanceof FieldType.Reference;
    }

    private static ScaffoldException unknownType(String spec, String type) {
        return invalid(
                spec,
                "unknown type '" + type + "': use text(MAX), integer, decimal(P,S), money, boolean, date, timestamp, "
                        + "enum(A,B,...) or ref(RESOURCE)");
    }

    private static ScaffoldException invalid(String spec, String why) {
        return new ScaffoldException(ScaffoldErrorCode.INVALID_FIELD, "Invalid field '" + spec + "': " + why);
    }
}
