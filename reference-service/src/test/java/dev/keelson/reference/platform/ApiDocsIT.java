package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiDocsIT extends ServiceTest {
    @Test
    void theOpenApiDocumentIsVersion31AndDescribesTheApi() {
        Reply reply = api.get("/v3/api-docs").send();

        assertThat(reply.status()).isEqualTo(200);
        JsonNode doc = reply.json();
        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        assertThat(doc.get("paths").propertyNames())
                .contains("/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/orders/{id}/cancel");
        // keelson:begin auth
        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/auth/login", "/api/v1/users/me");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        // keelson:end auth
    }

    @Test
    void theDocumentGivesTheRealSuccessStatusesAndTheProblemResponses() {
        JsonNode paths = api.get("/v3/api-docs").send().json().get("paths");

        assertThat(paths.at("/~1api~1v1~1orders/post/responses").propertyNames())
                .contains("201", "400", "429", "500")
                .doesNotContain("200");
        assertThat(paths.at("/~1api~1v1~1orders~1{id}/delete/responses").propertyNames())
                .contains("204", "404")
                .doesNotContain("200");
        assertThat(paths.at("/~1api~1v1~1orders~1{id}/get/responses/404/content")
                        .propertyNames())
                .containsExactly("application/problem+json");
        // keelson:begin auth
        assertThat(paths.at("/~1api~1v1~1auth~1register/post/responses").propertyNames())
                .contains("201")
                .doesNotContain("200", "401");
        for (String signIn : java.util.List.of(
                "login", "register", "refresh", "password-reset", "password-reset~1confirm", "verify-email")) {
            JsonNode security = paths.at("/~1api~1v1~1auth~1" + signIn + "/post/security");
            assertThat(security.isArray() && security.isEmpty())
                    .as(signIn + " needs no token: " + security)
                    .isTrue();
        }
        assertThat(paths.at("/~1api~1v1~1orders/get/security").isMissingNode()).isTrue(); // the global bearer
        assertThat(paths.at("/~1api~1v1~1auth~1password-change/post/security").isMissingNode())
                .isTrue();
        assertThat(paths.at("/~1api~1v1~1auth~1password-change/post/responses").propertyNames())
                .contains("204", "401");
        assertThat(paths.at("/~1api~1v1~1orders/get/responses").propertyNames()).contains("200", "401", "403");
        // keelson:end auth
    }

    @Test
    void swaggerUiIsServed() {
        Reply reply = api.get("/swagger-ui/index.html").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("swagger");
    }
}
