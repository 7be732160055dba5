package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document with auth: its endpoints, the bearer scheme, and which operations need no token. */
class AuthApiDocsIT extends ServiceTest {
    @Test
    void theDocumentDescribesSignInAndTheBearerScheme() {
        JsonNode doc = api.get("/v3/api-docs").send().json();

        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/auth/login", "/api/v1/users/me");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
    }

    @Test
    void theDocumentSaysWhichOperationsNeedAToken() {
        JsonNode paths = api.get("/v3/api-docs").send().json().get("paths");

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
    }
}
