package dev.keelson.migrate.lint;

import java.util.Locale;

/** How a rule's findings count: an error fails {@code keelson db lint} (exit 1), a warning is only shown. */
public enum Severity {
    ERROR,
    WARNING,
    /** The rule does not run. */
    OFF;

    /**
     * Parses {@code error}, {@code warning} or {@code off}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a severity: use error, warning or off", e);
        }
    }

    /** {@code error}, {@code warning} or {@code off}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
