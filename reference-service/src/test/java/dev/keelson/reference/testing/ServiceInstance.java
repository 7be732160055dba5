package dev.keelson.reference.testing;

import dev.keelson.reference.ReferenceApplication;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of the whole service in this JVM, started as a deployment would start it (its own Spring context
 * and port, settings as command-line arguments), so a test can run several against one database (and whatever else
 * they share) and stop them at will.
 */
public final class ServiceInstance implements AutoCloseable {
    /** What every instance of one deployment shares: the cursor key (and what {@link TestFeature}s share). */
    private static final String SHARED_CURSOR_KEY = Base64.getEncoder().encodeToString(randomBytes(32));

    private final ConfigurableApplicationContext context;
    private final Api api;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new Api(port());
    }

    /**
     * Starts an instance on a free port over {@code db}; {@code settings} are
     * more {@code --name=value} arguments (for example {@code --reference.cache.enabled=false}), which replace the
     * defaults of the same name.
     */
    public static ServiceInstance start(TestPostgres.Database db, String... settings) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("server.port", "0");
        args.put("spring.datasource.url", db.url());
        args.put("spring.datasource.username", db.user());
        args.put("spring.datasource.hikari.minimum-idle", "1");
        args.put("reference.pagination.cursor-key", SHARED_CURSOR_KEY);
        for (TestFeature feature : TestFeature.present()) {
            args.putAll(feature.settings());
            args.putAll(feature.sharedByInstances());
        }
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (!setting.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("settings are --name=value, not " + setting);
            }
            args.put(setting.substring(2, eq), setting.substring(eq + 1));
        }
        String[] commandLine = args.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new ServiceInstance(new SpringApplicationBuilder(ReferenceApplication.class).run(commandLine));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public Api api() {
        return api;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean running() {
        return context.isActive();
    }

    /** Stops the instance as a deployment does: graceful shutdown, in-flight requests finish. */
    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
