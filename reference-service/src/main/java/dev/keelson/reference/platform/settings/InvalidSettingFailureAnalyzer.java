package dev.keelson.reference.platform.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Registered in {@code META-INF/spring.factories}: a start-up refused for an {@link InvalidSettingException} ends
 * with the setting, what is wrong with it and how to set it, instead of a page of bean-creation stack trace.
 * (Settings that do not even bind, such as {@code reference.http.max-body-size=lots}, are reported by Spring Boot's
 * own binding analyzer, which names the property, its value and where it came from.)
 */
public final class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(
                "Invalid setting " + cause.getMessage(),
                "Fix " + cause.setting() + " (environment variable " + cause.environmentVariable()
                        + ") and start again; docs/reference-service.md lists every setting.",
                cause);
    }
}
