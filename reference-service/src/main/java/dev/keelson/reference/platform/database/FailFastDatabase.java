package dev.keelson.reference.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.keelson.reference.platform.Breaker;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the application's data source (Spring Boot's pool, or the embedded database's) in a
 * {@link FailFastDataSource}, and Spring Boot's HikariCP pool first in a {@link ConnectionGate} as wide as the pool.
 * {@code reference.database.retry-after} (1 s by default) is how long requests are
 * refused at once after the database failed to give a connection, before one tries again.
 */
@Configuration(proxyBeanMethods = false)
class FailFastDatabase {
    @Bean
    static BeanPostProcessor failFastDataSources(@Value("${reference.database.retry-after:1s}") Duration retryAfter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    DataSource gated = new ConnectionGate(pool, pool.getMaximumPoolSize(), pool.getConnectionTimeout());
                    return new FailFastDataSource(gated, new Breaker(retryAfter));
                }
                if (bean instanceof DataSource pool && !(bean instanceof FailFastDataSource)) {
                    return new FailFastDataSource(pool, new Breaker(retryAfter));
                }
                return bean;
            }
        };
    }
}
