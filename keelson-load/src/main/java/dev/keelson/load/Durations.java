package dev.keelson.load;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the durations users type: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 250us}, or
 * ISO-8601 ({@code PT30S}). The one duration parser of every command: keelson load's options and scenario files, and
 * the CLI's keelson db {@code --lock-timeout} (through its picocli converter).
 */
public final class Durations {
    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)");

    private Durations() {}

    /**
     * Parses {@code text}; {@code what} names the option in the error message.
     *
     * @throws LoadException with {@link LoadErrorCode#BAD_CONFIG} when the text is not a duration
     */
    public static Duration parse(String text, String what) {
        return read(text)
                .orElseThrow(() -> new LoadException(
                        LoadErrorCode.BAD_CONFIG,
                        what + " '" + text + "' is not a duration: use e.g. 500ms, 30s, 2m or 1h"));
    }

    /**
     * Reads {@code text} as a number (decimals allowed) with {@code us}, {@code ms}, {@code s}, {@code m} or {@code h},
     * in any case, or as an ISO-8601 duration; leaves the wording of the error to the caller.
     *
     * @return the duration, or empty when the text is neither
     */
    public static Optional<Duration> read(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SYNTAX.matcher(t);
        if (!m.matches()) {
            try {
                return Optional.of(Duration.parse(t));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        double value = Double.parseDouble(m.group(1));
        double nanos = value
                * switch (m.group(2)) {
                    case "us" -> 1e3;
                    case "ms" -> 1e6;
                    case "s" -> 1e9;
                    case "m" -> 60e9;
                    default -> 3600e9;
                };
        return Optional.of(Duration.ofNanos((long) nanos));
    }

    /** Formats a duration as the user would type it: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 90s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
        if (ms % 1_000 == 0) return ms / 1_000 + "s";
        return ms + "ms";
    }

    /** Formats microseconds as {@code 812us}, {@code 12.34ms} or {@code 1.20s}. */
    public static String formatMicros(double micros) {
        if (micros < 1_000) return String.format(Locale.ROOT, "%.0fus", micros);
        if (micros < 1_000_000) return String.format(Locale.ROOT, "%.2fms", micros / 1e3);
        return String.format(Locale.ROOT, "%.2fs", micros / 1e6);
    }
}
