package dev.keelson.reference.platform.database;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The time source and id generator every feature injects, so tests can replace them. */
@Configuration(proxyBeanMethods = false)
class TimeAndIds {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdGenerator idGenerator() {
        return new IdGenerator();
    }
}
