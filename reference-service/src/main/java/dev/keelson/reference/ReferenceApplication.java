package dev.keelson.reference;

import dev.keelson.reference.platform.settings.InvalidSettingException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Starts the service: {@code java -jar reference-service.jar} (or {@code mvn -pl reference-service spring-boot:run}).
 * A start-up that fails exits with 2 when a setting is wrong and 1 otherwise, after Spring Boot has printed what
 * went wrong.
 */
// no sign-in form or basic auth, so no generated in-memory user either
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ReferenceApplication {
    public static void main(String[] args) {
        try {
            SpringApplication.run(ReferenceApplication.class, args);
        } catch (RuntimeException e) {
            System.exit(InvalidSettingException.exitCodeOf(e));
        }
    }
}
