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
        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/orders", "/api/v1/orders/{id}",
                "/api/v1/orders/{id}/cancel");
        // keelson:begin auth
        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/auth/login", "/api/v1/users/me");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        // keelson:end auth
    }

    @Test
    void swaggerUiIsServed() {
        Reply reply = api.get("/swagger-ui/index.html").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("swagger");
    }
}
