package dev.keelson.load;

/**
 * A check on a scenario step's response beyond its status; a response that fails one counts as that step's
 * {@link ErrorKind#UNEXPECTED} error.
 */
public sealed interface Check {
    /** The check as the scenario file writes it, for messages. */
    String describe();

    /**
     * The JSON value at an RFC 6901 pointer equals a text (a string's content, or a number's or boolean's text).
     *
     * @param pointer where, starting with {@code /}
     * @param value   the expected text
     */
    record JsonEquals(String pointer, String value) implements Check {
        public String describe() {
            return "json " + pointer + " equals " + value;
        }
    }

    /**
     * The JSON value at a pointer exists and is not null.
     *
     * @param pointer where, starting with {@code /}
     */
    record JsonExists(String pointer) implements Check {
        public String describe() {
            return "json " + pointer + " exists";
        }
    }

    /**
     * The body contains a text.
     *
     * @param text what to find
     */
    record BodyContains(String text) implements Check {
        public String describe() {
            return "body contains " + text;
        }
    }
}
