package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.ReferenceApplication;
import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.TestFeature;
import dev.keelson.reference.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts and stops its own instance of the service, as a deployment would. */
class GracefulShutdownIT {

    @Test
    void shutdownLetsTheRequestInFlightFinish() throws Exception {
        TestPostgres.Database db = TestPostgres.create();
        try {
            List<String> args = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--spring.datasource.url=" + db.url(),
                    "--spring.datasource.username=" + db.user()));
            TestFeature.allSettings().forEach((name, value) -> args.add("--" + name + "=" + value));
            ConfigurableApplicationContext app =
                    new SpringApplicationBuilder(ReferenceApplication.class).run(args.toArray(String[]::new));
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            Session user = api.newUser();
            CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(
                    () -> api.get("/api/v1/test/slow").token(user.accessToken()).send());
            Thread.sleep(500);

            app.close();

            Reply reply = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("finished");
        } finally {
            db.drop();
        }
    }
}
