package dev.keelson.reference.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives a Spring test context its own new database, pointed to by {@code spring.datasource.url} exactly as
 * {@code SPRING_DATASOURCE_URL} does in production; drops the database when the context closes or the JVM ends.
 * Each optional feature's {@link TestFeature#settings()} come with it (a test SMTP server, short polling intervals).
 */
public final class FreshDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Database db = TestPostgres.create();
        Map<String, Object> settings = new LinkedHashMap<>(TestFeature.allSettings());
        settings.put("spring.datasource.url", db.url());
        settings.put("spring.datasource.username", db.user());
        // cached test contexts stay open until the JVM ends: let their pools shrink when idle, so a whole run does
        // not hold a hundred connections of the shared server
        settings.put("spring.datasource.hikari.minimum-idle", "1");
        settings.put("spring.datasource.hikari.idle-timeout", "10000");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fresh-database", settings));
        // the test framework keeps contexts cached until the JVM ends and may never close them: drop then at the latest
        Thread dropAtExit = new Thread(db::drop, "drop-" + db.name());
        Runtime.getRuntime().addShutdownHook(dropAtExit);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                db.drop();
            }
        });
    }
}
