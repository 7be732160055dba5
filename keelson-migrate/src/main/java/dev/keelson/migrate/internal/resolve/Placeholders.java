package dev.keelson.migrate.internal.resolve;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${name}} in script text with configured values. Flyway's built-ins ({@code ${flyway:...}})
 * are left as written. A name without a value is an error naming the script and the line.
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\s]+)}");

    private final Map<String, String> values;

    public Placeholders(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * The text with every placeholder replaced.
     *
     * @throws MigrationException {@link MigrationErrorCode#UNKNOWN_PLACEHOLDER} naming {@code script} and the line
     */
    public String replace(String script, String text) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null && name.startsWith("flyway:")) {
                value = m.group();
            }
            if (value == null) {
                throw new MigrationException(
                        MigrationErrorCode.UNKNOWN_PLACEHOLDER,
                        script + " line " + lineOf(text, m.start())
                                + ": placeholder ${" + name + "} has no value; give it with --placeholder " + name
                                + "=VALUE or in the configuration");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
