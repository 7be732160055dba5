package dev.keelson.reference.platform.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.context.properties.bind.BindException;

/**
 * A setting the service cannot start with: thrown while the application context is built, reported by
 * {@link InvalidSettingFailureAnalyzer} as one message naming the setting (and its environment variable), and ends
 * the process with exit code 2 (bad configuration).
 */
public final class InvalidSettingException extends RuntimeException implements ExitCodeGenerator {
    /** The exit code of a start-up refused for bad configuration. */
    public static final int EXIT_CODE = 2;

    private final String setting;

    /**
     * @param setting the property, such as {@code reference.pagination.cursor-key}
     * @param problem what is wrong with it and how to fix it, a sentence without the setting's name
     */
    public InvalidSettingException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public InvalidSettingException(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
    }

    /** Several settings with the same problem (all missing, say), named together in one message. */
    public InvalidSettingException(List<String> settings, String problem) {
        this(String.join(", ", settings), problem);
    }

    public String setting() {
        return setting;
    }

    /**
     * The environment variable that sets {@link #setting()}: {@code reference.http.max-body-size} →
     * {@code REFERENCE_HTTP_MAX_BODY_SIZE}; one per setting, comma-separated, when several are named.
     */
    public String environmentVariable() {
        return Arrays.stream(setting.split(", "))
                .map(InvalidSettingException::environmentVariable)
                .collect(Collectors.joining(", "));
    }

    static String environmentVariable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }

    /**
     * The exit code of a failed start-up: {@value #EXIT_CODE} when a setting is wrong (ours, or one Spring Boot could
     * not bind, such as {@code reference.http.max-body-size=lots}), 1 when something else failed.
     */
    public static int exitCodeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException || t instanceof BindException) {
                return EXIT_CODE;
            }
        }
        return 1;
    }
}
