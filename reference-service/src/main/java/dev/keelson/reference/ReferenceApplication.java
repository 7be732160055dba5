package dev.keelson.reference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the service: {@code mvn -pl reference-service spring-boot:run}, or {@code java -jar}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReferenceApplication {
    public static void main(String[] args) {
        SpringApplication.run(ReferenceApplication.class, args);
    }
}
