package dev.keelson.reference.platform.http;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The text Spring Security's {@code StrictHttpFirewall} lets through in header names and values and parameter names:
 * assigned characters that are not control characters (a tab allowed in values). The firewall checks that with a
 * regular expression of Unicode classes on every header the application reads, the bearer token's included, which is
 * a measurable part of every request's CPU (JFR under {@code bench/reference-service/run.sh}). Printable ASCII
 * passes that expression whatever it holds, so it is answered by a loop; any other character sends the whole text
 * to the firewall's own expression, copied here from Spring Security 7.2, so the answer is always the firewall's.
 *
 * @param tab   true when a tab is allowed (header values)
 * @param exact the firewall's own expression, for text with anything but printable ASCII
 */
record PrintableText(boolean tab, Pattern exact) implements Predicate<String> {
    /** Header names and parameter names: {@code StrictHttpFirewall}'s {@code ASSIGNED_AND_NOT_ISO_CONTROL_PATTERN}. */
    static final PrintableText NAMES =
            new PrintableText(false, Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*"));

    /** Header values: {@code StrictHttpFirewall}'s {@code HEADER_VALUE_PATTERN}. */
    static final PrintableText VALUES =
            new PrintableText(true, Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*"));

    @Override
    public boolean test(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < ' ' || c > '~') && !(tab && c == '\t')) {
                return exact.matcher(text).matches();
            }
        }
        return true;
    }
}
