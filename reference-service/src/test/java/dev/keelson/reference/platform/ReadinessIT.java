package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.FreshDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;

/** Its own context and database, because the test takes the database away. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.connection-timeout=1000")
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
class ReadinessIT {
    @LocalServerPort
    private int port;

    @Value("${spring.datasource.url}")
    private String url;

    @Test
    void readinessIs503AndNamesTheDatabaseWhenItIsGoneWhileLivenessStaysUp() {
        Api api = new Api(port);
        assertThat(api.get("/health/ready").send().status()).isEqualTo(200);

        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        JdbcClient.create(new DriverManagerDataSource(admin, "postgres", ""))
                .sql("DROP DATABASE " + name + " WITH (FORCE)")
                .update();

        Reply ready = api.get("/health/ready").send();
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().at("/components/db/status").asString()).isEqualTo("DOWN");
        assertThat(ready.json().get("status").asString()).isEqualTo("DOWN");
        assertThat(api.get("/health/live").send().status()).isEqualTo(200);
    }
}
