package dev.keelson.reference.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * Gives every pooled connection PostgreSQL's {@code statement_timeout} of {@code reference.database.statement-timeout}
 * (5 s), set as the connection's startup option ({@code options=-c statement_timeout=…}, no extra round trip): a
 * statement running longer is cancelled by the database itself (SQLState 57014), whatever the Java side does, and the
 * request ends with a 503 problem document. Applies to the embedded database and to {@code SPRING_DATASOURCE_URL}
 * alike; {@code -c} options already configured ({@code spring.datasource.hikari.data-source-properties.options}) are
 * kept.
 */
@Component
public class StatementTimeout implements BeanPostProcessor, EnvironmentAware {
    private static final String OPTIONS = "options";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        // unwrapped: another post-processor may have wrapped the pool already (FailFastDataSource)
        HikariDataSource pool = bean instanceof DataSource dataSource
                ? DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class)
                : null;
        if (pool != null) {
            // bound here, not injected: a post-processor is created before the properties beans
            Duration timeout = Binder.get(environment)
                    .bindOrCreate("reference.database", DatabaseProperties.class)
                    .statementTimeout();
            pool.addDataSourceProperty(OPTIONS, withTimeout(pool.getDataSourceProperties(), timeout));
        }
        return bean;
    }

    /**
     * Connections to the same database without the statement timeout, for work that legitimately runs long: schema
     * migrations (an index on a big table takes minutes). Unpooled; any other kind of data source is returned as is.
     */
    public static DataSource withoutTimeout(DataSource dataSource) {
        HikariDataSource pool = DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class);
        if (pool == null) {
            return dataSource;
        }
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.setProperty(OPTIONS, withTimeout(properties, Duration.ZERO)); // the last -c wins; 0 = no limit
        DriverManagerDataSource direct =
                new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        direct.setConnectionProperties(properties);
        return direct;
    }

    private static String withTimeout(Properties properties, Duration timeout) {
        String existing = properties.getProperty(OPTIONS, "");
        return (existing + " -c statement_timeout=" + timeout.toMillis()).strip();
    }
}
