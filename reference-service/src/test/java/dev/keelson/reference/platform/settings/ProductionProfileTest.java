package dev.keelson.reference.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionProfileTest {
    private final ProductionProfile profile = new ProductionProfile();

    @Test
    void noProfileAndTheDevelopmentProfilesAreDevelopment() {
        assertThat(ProductionProfile.production()).isFalse();
        assertThat(ProductionProfile.production("dev")).isFalse();
        assertThat(ProductionProfile.production("local", "test")).isFalse();
    }

    @Test
    void anyOtherProfileIsProduction() {
        assertThat(ProductionProfile.production("prod")).isTrue();
        assertThat(ProductionProfile.production("staging")).isTrue();
        assertThat(ProductionProfile.production("dev", "prod")).isTrue();
    }

    @Test
    void productionWithoutItsSettingsNamesEachMissingOne() {
        StandardEnvironment environment = environment(Map.of("reference.pagination.cursor-key", " "), "staging");

        assertThatThrownBy(() -> profile.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.setting())
                            .contains("spring.datasource.url")
                            .contains("reference.pagination.cursor-key");
                    assertThat(e.environmentVariable())
                            .contains("SPRING_DATASOURCE_URL")
                            .contains("REFERENCE_PAGINATION_CURSOR_KEY");
                    assertThat(e.getMessage()).contains("staging");
                });
    }

    @Test
    void productionMovesActuatorOffThePublicPortAndHidesTheDocsUnlessSetOtherwise() {
        Map<String, Object> settings = new HashMap<>();
        ProductionProfile.required().forEach(setting -> settings.put(setting, "set"));
        settings.put("spring.datasource.url", "jdbc:postgresql://db/app");
        settings.put("management.server.port", "9000");
        StandardEnvironment environment = environment(settings, "prod");

        profile.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.server.port")).isEqualTo("9000");
        assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
    }

    @Test
    void developmentIsLeftAsConfigured() {
        StandardEnvironment environment = environment(Map.of(), "dev");

        profile.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.server.port")).isNull();
    }

    static StandardEnvironment environment(Map<String, Object> settings, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        environment.setActiveProfiles(profiles);
        return environment;
    }
}
