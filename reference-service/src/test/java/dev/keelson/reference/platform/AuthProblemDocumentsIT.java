package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Problem documents of sign-in: 401 and 403 answers are problem documents too. */
class AuthProblemDocumentsIT extends ServiceTest {
    /** A problem whatever the caller: 404 (or 401 without a token where the API needs one). */
    private static final String MISSING_ORDER = "/api/v1/orders/00000000-0000-7000-8000-000000000000";

    @Test
    void noTokenIsUnauthorizedWithABearerChallenge() {
        Reply reply = api.get("/api/v1/users/me").send();

        assertProblem(reply, 401, "/api/v1/users/me");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aForgedTokenIsUnauthorizedAndSaysTheTokenIsInvalid() {
        Reply reply = api.get("/api/v1/users/me")
                .token("eyJhbGciOiJFUzI1NiJ9.e30.c2ln")
                .send();

        assertProblem(reply, 401, "/api/v1/users/me");
        assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
    }

    private static void assertProblem(Reply reply, int status, String instance) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).isEqualTo(instance);
        assertThat(problem.get("requestId").asString()).isEqualTo(reply.header("X-Request-Id"));
        if (status != 404 && status != 405 && status != 415) {
            assertThat(problem.get("detail").asString()).isNotBlank();
        }
    }
}
