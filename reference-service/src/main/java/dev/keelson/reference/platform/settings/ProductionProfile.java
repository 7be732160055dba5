package dev.keelson.reference.platform.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * What a production start must have, and what it hides. A start is <em>development</em> when it has no active profile
 * (a laptop's {@code java -jar}, {@code docker compose up}, {@code keelson demo}, the tests) or only profiles from
 * {@link #DEVELOPMENT} ({@code dev}, which {@code spring-boot:run} starts, {@code local}, {@code test}). Any other
 * profile ({@code prod}, which the Kubernetes ConfigMap sets, {@code staging}, ...) makes it <em>production</em>:
 *
 * <ul>
 *   <li>it refuses to start unless {@code spring.datasource.url} (no embedded PostgreSQL),
 *       {@code reference.pagination.cursor-key} and what the features require (auth: the token signing keys) are set,
 *       naming every missing one in one message ({@link InvalidSettingException}, exit code 2) instead of making keys
 *       up;
 *   <li>Actuator (health probes and {@code /prometheus}) moves to {@code management.server.port} (8081 unless set),
 *       off the public port; the OpenAPI document and Swagger UI are off; the features' production defaults apply
 *       (GraphQL: introspection off).
 * </ul>
 *
 * Each of these defaults yields to an explicit setting. A feature adds its part in a file of its own,
 * {@code production/<feature>.properties} on the class path: {@code required} lists settings (comma-separated),
 * {@code default.<setting>} gives a default. Registered in {@code META-INF/spring.factories}; runs after the
 * configuration files are read, before anything starts.
 */
public final class ProductionProfile implements EnvironmentPostProcessor, Ordered {
    /** The profiles that keep the development defaults. */
    public static final Set<String> DEVELOPMENT = Set.of("dev", "local", "test");

    private static final List<String> REQUIRED = List.of("spring.datasource.url", "reference.pagination.cursor-key");

    /** Each feature's part: {@code required} and {@code default.*} keys. */
    private static final String FEATURES = "classpath*:production/*.properties";

    private static final String DEFAULT = "default.";

    /** The settings a production start must have: the service's own, then the features'. */
    static List<String> required() {
        List<String> required = new ArrayList<>(REQUIRED);
        for (Properties feature : features()) {
            Arrays.stream(feature.getProperty("required", "").split(","))
                    .map(String::strip)
                    .filter(setting -> !setting.isEmpty())
                    .forEach(required::add);
        }
        return required;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!production(environment.getActiveProfiles())) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String setting : required()) {
            String value = environment.getProperty(setting);
            if (value == null || value.isBlank()) {
                missing.add(setting);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidSettingException(
                    missing,
                    "required outside development (active profiles: "
                            + String.join(", ", environment.getActiveProfiles())
                            + "), where nothing is made up: set a real "
                            + "database and the keys every instance shares (docs/reference-service.md, Security)");
        }
        environment.getPropertySources().addLast(new MapPropertySource("production defaults", hardened()));
    }

    /** True when some active profile is not a development one. */
    public static boolean production(String... activeProfiles) {
        return Arrays.stream(activeProfiles).anyMatch(p -> !DEVELOPMENT.contains(p));
    }

    private static Map<String, Object> hardened() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.server.port", 8081);
        defaults.put("springdoc.api-docs.enabled", false);
        defaults.put("springdoc.swagger-ui.enabled", false);
        for (Properties feature : features()) {
            feature.stringPropertyNames().stream()
                    .filter(name -> name.startsWith(DEFAULT))
                    .sorted()
                    .forEach(name -> defaults.put(name.substring(DEFAULT.length()), feature.getProperty(name)));
        }
        return defaults;
    }

    /** The {@code production/*.properties} files of the features this service has, in file-name order. */
    private static List<Properties> features() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(ProductionProfile.class.getClassLoader())
                    .getResources(FEATURES);
            Arrays.sort(files, Comparator.comparing(file -> String.valueOf(file.getFilename())));
            List<Properties> features = new ArrayList<>();
            for (Resource file : files) {
                features.add(PropertiesLoaderUtils.loadProperties(file));
            }
            return features;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FEATURES, e);
        }
    }

    /** After Spring Boot has read the configuration files, so their settings count. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
