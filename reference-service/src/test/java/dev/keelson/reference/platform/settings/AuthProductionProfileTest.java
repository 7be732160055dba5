package dev.keelson.reference.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

/** With auth, a production start needs the token signing keys too. */
class AuthProductionProfileTest {
    @Test
    void productionWithoutTheSigningKeysNamesThem() {
        StandardEnvironment environment = ProductionProfileTest.environment(
                Map.of("spring.datasource.url", "jdbc:postgresql://db/app", "reference.pagination.cursor-key", "k"),
                "staging");

        assertThatThrownBy(() -> new ProductionProfile().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).contains("reference.auth.jwks"));
    }
}
