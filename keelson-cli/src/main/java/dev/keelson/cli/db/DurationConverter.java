package dev.keelson.cli.db;

import dev.keelson.load.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people write them ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601 {@code PT30S})
 * through {@link Durations}, the parser every command shares; only the wording of the error is the db commands'.
 */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /**
     * Parses {@code text}.
     *
     * @throws TypeConversionException naming the text and the accepted forms
     */
    static Duration parse(String text) {
        return Durations.read(text)
                .orElseThrow(() -> new TypeConversionException(
                        "'" + text + "' is not a duration: use a number with ms, s, m or h, like 30s or 5m"));
    }
}
