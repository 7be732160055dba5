package dev.keelson.scaffold;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A resource's name in every spelling the generated code needs, from its singular in lower case with hyphens
 * ({@code line-item}): class {@code LineItem}, variable {@code lineItem}, package {@code lineitem}, table
 * {@code line_items}, URL path {@code line-items}, prose {@code line item}.
 *
 * @param singular lower-case words joined by single hyphens
 * @param plural   the same words in the plural ({@code line-items}); English rules unless given
 */
record ResourceName(String singular, String plural) {
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    static final int MAX_LENGTH = 40;

    ResourceName {
        if (!KEBAB.matcher(singular).matches() || singular.length() > MAX_LENGTH) {
            throw invalid(singular);
        }
        if (!KEBAB.matcher(plural).matches() || plural.equals(singular)) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.INVALID_NAME,
                    "Invalid plural '" + plural + "' of '" + singular
                            + "': use lower-case words joined by hyphens, different from the singular");
        }
    }

    /** The name as typed ({@code LineItem}, {@code line_item} or {@code line-item}), with the English plural. */
    static ResourceName parse(String typed) {
        String kebab = kebab(typed);
        return new ResourceName(kebab, pluralOf(kebab));
    }

    /** The name as typed with an explicit plural ({@code person}, {@code people}). */
    static ResourceName parse(String typed, String plural) {
        return plural == null ? parse(typed) : new ResourceName(kebab(typed), kebab(plural));
    }

    /** {@code LineItem}, {@code lineItem}, {@code line_item} → {@code line-item}; anything else is kept as is. */
    static String kebab(String typed) {
        if (typed == null || typed.isBlank()) {
            throw invalid(String.valueOf(typed));
        }
        return typed.strip()
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replace('_', '-')
                .toLowerCase(Locale.ROOT);
    }

    /** English plural of the last word: {@code category} → {@code categories}, {@code box} → {@code boxes}. */
    static String pluralOf(String kebab) {
        if (kebab.matches(".*[^aeiou]y")) {
            return kebab.substring(0, kebab.length() - 1) + "ies";
        }
        if (kebab.matches(".*(s|x|z|ch|sh)")) {
            return kebab + "es";
        }
        return kebab + "s";
    }

    String className() {
        return pascal(singular);
    }

    String pluralClassName() {
        return pascal(plural);
    }

    String variable() {
        String pascal = className();
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    String pluralVariable() {
        String pascal = pluralClassName();
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** The Java package under the project's: the words run together ({@code lineitem}). */
    String packageSegment() {
        return singular.replace("-", "");
    }

    String table() {
        return plural.replace('-', '_');
    }

    /** The column of a reference to this resource: {@code line_item_id}. */
    String idColumn() {
        return singular.replace('-', '_') + "_id";
    }

    /** {@code /api/v1/line-items}. */
    String path() {
        return "/api/v1/" + plural;
    }

    String words() {
        return singular.replace('-', ' ');
    }

    String pluralWords() {
        return plural.replace('-', ' ');
    }

    private static String pascal(String kebab) {
        return Arrays.stream(kebab.split("-"))
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining());
    }

    private static ScaffoldException invalid(String name) {
        return new ScaffoldException(
                ScaffoldErrorCode.INVALID_NAME,
                "Invalid resource name '" + name + "': use a singular noun in lower-case letters and digits, words "
                        + "joined by hyphens, starting with a letter, at most " + MAX_LENGTH
                        + " characters (product, line-item)");
    }
}
