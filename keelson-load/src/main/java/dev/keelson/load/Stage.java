package dev.keelson.load;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One stage of a ramping run, as k6's ramping-vus and ramping-arrival-rate executors: over {@code duration}, the
 * users (closed model) or the rate (open model) move in a straight line from the previous stage's target (0 before
 * the first) to {@code target}.
 *
 * @param duration how long the stage lasts
 * @param target   users (closed) or requests per second (open) at its end
 */
public record Stage(Duration duration, double target) {
    public Stage {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new LoadException(LoadErrorCode.BAD_CONFIG, "a stage lasts longer than 0, got " + duration);
        }
        if (!(target >= 0))
            throw new LoadException(LoadErrorCode.BAD_CONFIG, "a stage's target is 0 or more, got " + target);
    }

    /**
     * Parses {@code 30s:200} (users) or {@code 30s:200/s} (requests per second); {@code what} names the option.
     *
     * @return the stage, and whether it is a rate
     */
    public static Parsed parse(String text, String what) {
        int colon = text.indexOf(':');
        if (colon < 1) throw bad(text, what);
        String target = text.substring(colon + 1).trim();
        boolean rate = target.endsWith("/s");
        if (rate) target = target.substring(0, target.length() - 2);
        try {
            return new Parsed(
                    new Stage(Durations.parse(text.substring(0, colon), what), Double.parseDouble(target)), rate);
        } catch (NumberFormatException e) {
            throw bad(text, what);
        }
    }

    private static LoadException bad(String text, String what) {
        return new LoadException(
                LoadErrorCode.BAD_CONFIG,
                what + " '" + text + "' must be DURATION:USERS or DURATION:RATE/s," + " e.g. 30s:200 or 1m:500/s");
    }

    /** A parsed stage and whether its target is a rate ({@code /s}) rather than users. */
    public record Parsed(Stage stage, boolean rate) {}

    /** {@code 30s to 200} with the unit. */
    public String describe(Model model) {
        return String.format(
                Locale.ROOT, "%s to %.0f%s", Durations.format(duration), target, model == Model.OPEN ? "/s" : " users");
    }
}
