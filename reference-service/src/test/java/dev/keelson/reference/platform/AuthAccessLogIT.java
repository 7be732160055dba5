package dev.keelson.reference.platform;

import static dev.keelson.reference.platform.OperationsIT.theAccessEventOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** The access log with auth: each event names the signed-in user, and no token or password is ever logged. */
@ExtendWith(OutputCaptureExtension.class)
class AuthAccessLogIT extends ServiceTest {
    @Test
    void theAccessEventNamesTheUserAndTheLogHoldsNoSecret(CapturedOutput output) {
        Session user = api.newUser();
        Reply reply = api.get("/api/v1/orders?limit=5")
                .token(user.accessToken())
                .header("X-Request-Id", "log-test-" + System.nanoTime())
                .send();

        JsonNode event = theAccessEventOf(reply.header("X-Request-Id"), output);

        assertThat(event.get("userId").asString()).matches("[0-9a-f-]{36}");
        assertThat(output.getOut())
                .doesNotContain(user.accessToken())
                .doesNotContain(user.refreshToken())
                .doesNotContain(user.password());
    }
}
