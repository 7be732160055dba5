package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YamlKeysTest {
    private static final String CONFIG = """
            # the service
            spring:
              application:
                name: app
              # shared state
              data:
                redis:
                  url: redis://localhost
                  timeout: 2s

              mail:
                host: smtp
            management:
              tracing:
                enabled: false
            """;

    @Test
    void aKeyGoesWithItsChildrenAndTheCommentAboveAndTheRestStaysByteForByte() {
        String out = YamlKeys.remove(CONFIG, "application.yaml", "spring.mail");

        assertThat(out).isEqualTo("""
                # the service
                spring:
                  application:
                    name: app
                  # shared state
                  data:
                    redis:
                      url: redis://localhost
                      timeout: 2s

                management:
                  tracing:
                    enabled: false
                """);
    }

    @Test
    void aParentLeftWithoutChildrenGoesToo() {
        String out = YamlKeys.remove(CONFIG, "application.yaml", "spring.data.redis");

        assertThat(out).isEqualTo("""
                # the service
                spring:
                  application:
                    name: app

                  mail:
                    host: smtp
                management:
                  tracing:
                    enabled: false
                """);
    }

    @Test
    void keysUnderAComposeServiceAreAddressable() {
        String compose = """
                services:
                  app:
                    environment:
                      DB: x
                      REDIS: y
                    depends_on:
                      redis:
                        condition: service_healthy
                  redis:
                    image: redis:7
                """;

        String out = YamlKeys.remove(
                YamlKeys.remove(
                        YamlKeys.remove(compose, "compose.yaml", "services.redis"),
                        "compose.yaml",
                        "services.app.depends_on.redis"),
                "compose.yaml",
                "services.app.environment.REDIS");

        assertThat(out).isEqualTo("""
                services:
                  app:
                    environment:
                      DB: x
                """);
    }

    @Test
    void aMissingKeyIsABrokenTemplate() {
        assertThatThrownBy(() -> YamlKeys.remove(CONFIG, "application.yaml", "spring.jpa"))
                .isInstanceOf(ScaffoldException.class)
                .hasMessage("application.yaml has no key spring.jpa (named in keelson-scaffold's features.txt)");
    }

    @Test
    void aBlockScalarAndTheCommentsIndentedUnderTheKeyGoWithIt() {
        String yaml = """
                jobs:
                  verify:
                    run: |
                      ./mvnw verify

                    # the cache of the build
                    cache: maven
                  deploy:
                    run: echo
                """;

        assertThat(YamlKeys.remove(yaml, "ci.yml", "jobs.verify")).isEqualTo("""
                jobs:
                  deploy:
                    run: echo
                """);
        assertThat(YamlKeys.remove(yaml, "ci.yml", "jobs.verify.run")).isEqualTo("""
                jobs:
                  verify:

                    # the cache of the build
                    cache: maven
                  deploy:
                    run: echo
                """);
    }

    @Test
    void aKeyInAFlowMappingIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> YamlKeys.remove("a: {b: 1, c: 2}\n", "compose.yaml", "a.b"))
                .isInstanceOf(ScaffoldException.class)
                .hasMessageContaining("compose.yaml: a.b stands in a flow mapping");
    }

    @Test
    void aFileThatIsNoYamlIsNamed() {
        assertThatThrownBy(() -> YamlKeys.remove("a: [\n", "compose.yaml", "a"))
                .isInstanceOf(ScaffoldException.class)
                .hasMessageContaining("compose.yaml is no valid YAML");
    }
}
