package dev.keelson.cli;

/**
 * ANSI colours for states, findings and failures, or none: {@link CliEnvironment#colours()} turns them on only when
 * the output is a terminal and neither {@code NO_COLOR} (no-color.org) nor {@code TERM=dumb} is set.
 *
 * @param on whether the methods add escape sequences; when false they return their argument unchanged
 */
public record Colours(boolean on) {
    /** No colours: for files, pipes and tests. */
    public static final Colours NONE = new Colours(false);

    /** Failures, errors, violated thresholds. */
    public String red(String text) {
        return paint("31", text);
    }

    /** Success: applied, valid, passed. */
    public String green(String text) {
        return paint("32", text);
    }

    /** Attention: pending, warnings, notes. */
    public String yellow(String text) {
        return paint("33", text);
    }

    /** Headings and totals. */
    public String bold(String text) {
        return paint("1", text);
    }

    private String paint(String code, String text) {
        return on && !text.isEmpty() ? "\033[" + code + "m" + text + "\033[0m" : text;
    }
}
