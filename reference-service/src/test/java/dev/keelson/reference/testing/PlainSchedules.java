package dev.keelson.reference.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a test context with its background work on plain per-instance schedules ({@code PlainScheduling}, the
 * outbox relay) instead of background jobs: each feature's {@link TestFeature#plainSchedules()} settings. Add it to a
 * {@link ServiceTest} with {@code @ContextConfiguration(initializers = PlainSchedules.class)}.
 */
public final class PlainSchedules implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> settings = new LinkedHashMap<>();
        TestFeature.present().forEach(feature -> settings.putAll(feature.plainSchedules()));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("plain-schedules", settings));
    }
}
