package dev.keelson.reference;

import dev.keelson.reference.platform.InvalidSettingException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the service: {@code java -jar reference-service.jar} (or {@code mvn -pl reference-service spring-boot:run}).
 * A start-up that fails exits with 2 when a setting is wrong and 1 otherwise, after Spring Boot has printed what
 * went wrong.
 */
@SpringBootApplication
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
