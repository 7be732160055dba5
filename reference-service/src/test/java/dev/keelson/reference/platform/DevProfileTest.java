package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The configuration files as Spring Boot reads them: {@code spring-boot:run} starts the {@code dev} profile, whose logs
 * are lines for a person; every other start logs JSON lines.
 */
class DevProfileTest {

    @Test
    void theDevProfileLogsLinesForAPersonAndEveryOtherStartLogsJson() {
        assertThat(consoleFormat(List.of(), Map.of())).isEqualTo("ecs");
        assertThat(consoleFormat(List.of("dev"), Map.of())).isEmpty();
        assertThat(consoleFormat(List.of("dev"), Map.of("LOG_FORMAT", "ecs"))).isEqualTo("ecs");
    }

    private static String consoleFormat(List<String> profiles, Map<String, Object> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", environmentVariables));
        ConfigDataEnvironmentPostProcessor.applyTo(
                environment, new DefaultResourceLoader(), new DefaultBootstrapContext(), profiles);
        return environment.getProperty("logging.structured.format.console");
    }
}
