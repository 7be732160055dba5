package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProblemDocumentsIT extends ServiceTest {
    /** A problem whatever the caller: 404 (or 401 without a token where the API needs one). */
    private static final String MISSING_ORDER = "/api/v1/orders/00000000-0000-7000-8000-000000000000";

    @Test
    void invalidFieldsAreListedOneByOne() {
        Session user = api.newUser();
        Reply reply = api.post("/api/v1/orders")
                .token(user.accessToken())
                .json(Map.of("currency", "euro", "lines", List.of()))
                .send();

        assertProblem(reply, 400, "/api/v1/orders");
        assertThat(reply.json().get("type").asString()).isEqualTo(ErrorCode.VALIDATION.type());
        assertThat(Api.texts(reply.json().get("errors"), "field")).containsExactlyInAnyOrder("currency", "lines");
    }

    @Test
    void malformedJsonIsABadRequestThatSaysSo() {
        Session user = api.newUser();
        Reply reply = api.post("/api/v1/orders")
                .token(user.accessToken())
                .raw("{\"currency\": ", "application/json")
                .send();

        assertProblem(reply, 400, "/api/v1/orders");
        assertThat(reply.json().get("detail").asString()).contains("not valid JSON");
    }

    @Test
    void anUnknownRouteIsNotFound() {
        Session user = api.newUser();
        Reply reply = api.get("/api/v1/no-such-thing").token(user.accessToken()).send();

        assertProblem(reply, 404, "/api/v1/no-such-thing");
    }

    @Test
    void thereIsNoFormLogoutRedirectingToALoginPage() {
        Session user = api.newUser();
        Reply reply = api.post("/logout").token(user.accessToken()).send();

        assertProblem(reply, 404, "/logout");
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() {
        Session user = api.newUser();
        Reply reply = api.delete("/api/v1/orders").token(user.accessToken()).send();

        assertProblem(reply, 405, "/api/v1/orders");
        assertThat(reply.header("Allow")).contains("POST");
    }

    @Test
    void aWrongMediaTypeIsUnsupported() {
        Session user = api.newUser();
        Reply reply = api.post("/api/v1/orders")
                .token(user.accessToken())
                .raw("currency=EUR", "application/x-www-form-urlencoded")
                .send();

        assertProblem(reply, 415, "/api/v1/orders");
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        Session user = api.newUser();
        Reply reply = api.post("/api/v1/orders")
                .token(user.accessToken())
                .raw("{\"note\":\"" + "a".repeat(70_000) + "\"}", "application/json")
                .send();

        assertProblem(reply, 413, "/api/v1/orders");
        assertThat(reply.json().get("detail").asString()).contains("limit is 65536");
    }

    @Test
    void anUnexpectedFailureIsA500ThatLeaksNothing() {
        Session user = api.newUser();
        Reply reply = api.get("/api/v1/test/fail").token(user.accessToken()).send();

        assertProblem(reply, 500, "/api/v1/test/fail");
        assertThat(reply.body())
                .doesNotContain("secret")
                .doesNotContain("jdbc")
                .doesNotContain("Exception")
                .doesNotContain("at dev.");
    }

    @Test
    void theCallersRequestIdIsReturnedAndQuotedInTheProblem() {
        Reply reply =
                api.get(MISSING_ORDER).header("X-Request-Id", "trace-abc.123").send();

        assertThat(reply.header("X-Request-Id")).isEqualTo("trace-abc.123");
        assertThat(reply.json().get("requestId").asString()).isEqualTo("trace-abc.123");
    }

    @Test
    void anUnusableRequestIdIsReplacedByANewOne() {
        Reply reply = api.get(MISSING_ORDER)
                .header("X-Request-Id", "bad id with spaces")
                .send();

        assertThat(reply.header("X-Request-Id"))
                .isNotEqualTo("bad id with spaces")
                .hasSize(36);
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        Reply reply = api.get(MISSING_ORDER).send();

        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(reply.header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void anAllowedOriginPassesThePreflightAndOthersDoNot() {
        Reply allowed = api.method("OPTIONS", "/api/v1/orders")
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .send();
        Reply other = api.method("OPTIONS", "/api/v1/orders")
                .header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "POST")
                .send();

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
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
