package dev.keelson.migrate.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A real Spring Boot application with the starter, Spring MVC, Actuator and JDBC on a fresh PostgreSQL database:
 * the schema is migrated before a component that reads it in its constructor, and the endpoint and the info
 * contributor answer over HTTP.
 */
class StarterApplicationIT {
    @SpringBootApplication
    static class App {}

    /** Reads the migrated table while the context is created: fails unless the migration ran first. */
    @Component
    static class WidgetCount {
        final long count;

        WidgetCount(JdbcClient jdbc) {
            this.count =
                    jdbc.sql("SELECT count(*) FROM widgets").query(Long.class).single();
        }
    }

    @Test
    void theSchemaIsMigratedBeforeItsUsersAndTheActuatorShowsIt() throws Exception {
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL);
                ConfigurableApplicationContext context = new SpringApplication(App.class, WidgetCount.class)
                        .run(
                                "--spring.datasource.url=" + db.url(),
                                "--spring.datasource.username=" + db.user(),
                                "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                                "--server.port=0",
                                "--management.endpoints.web.exposure.include=keelson,info",
                                "--spring.main.banner-mode=off")) {
            assertThat(context.getBean(WidgetCount.class).count).isZero();
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();

            String schema = get(port, "/actuator/keelson");
            assertThat(schema)
                    .contains("\"schemaVersion\":\"1\"")
                    .contains("\"script\":\"V1__widgets.sql\"")
                    .contains("\"state\":\"APPLIED\"");
            assertThat(get(port, "/actuator/info"))
                    .contains("\"keelson-migrate\":{\"schemaVersion\":\"1\",\"migrations\":{\"APPLIED\":1}}");
        }
    }

    private static String get(int port, String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return response.body();
        }
    }
}
