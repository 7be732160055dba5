package dev.keelson.reference.testing;

import dev.keelson.reference.ReferenceApplication;
import dev.keelson.reference.testing.Api.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * What an optional feature adds to the service under test: its settings, and what a new client of the API is. Each
 * feature's test files hold one implementation (a public class with a no-argument constructor); the harness finds
 * them on the test class path, so removing a feature's files removes its part of the harness too, and no shared test
 * class names the feature.
 */
public interface TestFeature {
    /** Settings every service under test gets with this feature (a test SMTP server, short polling intervals). */
    default Map<String, String> settings() {
        return Map.of();
    }

    /**
     * Settings that every instance of one deployment must share (the token signing keys), given to each {@link
     * ServiceInstance}; a single test context makes its own.
     */
    default Map<String, String> sharedByInstances() {
        return Map.of();
    }

    /**
     * Settings that leave the background work to plain per-instance schedules (with jobs: the scheduler off); see
     * {@link PlainSchedules}.
     */
    default Map<String, String> plainSchedules() {
        return Map.of();
    }

    /**
     * Endpoints the feature serves outside the OpenAPI document, as {@code METHOD /path} (the GraphQL endpoint), for
     * the attack tests that try every endpoint.
     */
    default List<String> endpointsBesideTheApiDocument() {
        return List.of();
    }

    /** The client {@code session} becomes on {@code api} (with auth: a user registered and signed in). */
    default Session newClient(Api api, Session session, String clientAddress) {
        return session;
    }

    /** The features of this test class path. */
    static List<TestFeature> present() {
        return Found.FEATURES;
    }

    /** The {@link #settings()} of every feature present. */
    static Map<String, String> allSettings() {
        Map<String, String> all = new LinkedHashMap<>();
        present().forEach(feature -> all.putAll(feature.settings()));
        return all;
    }

    /** The features found once per test run. */
    final class Found {
        static final List<TestFeature> FEATURES = find();

        private Found() {}

        private static List<TestFeature> find() {
            ClassPathScanningCandidateComponentProvider scanner =
                    new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AssignableTypeFilter(TestFeature.class));
            return scanner.findCandidateComponents(ReferenceApplication.class.getPackageName()).stream()
                    .map(BeanDefinition::getBeanClassName)
                    .sorted()
                    .map(Found::instantiate)
                    .toList();
        }

        private static TestFeature instantiate(String className) {
            try {
                return (TestFeature) Class.forName(className).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(
                        className + " must be a public class with a public no-argument constructor", e);
            }
        }
    }
}
