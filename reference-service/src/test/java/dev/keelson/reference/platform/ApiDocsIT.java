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
    }

    @Test
    void swaggerUiIsServed() {
        Reply reply = api.get("/swagger-ui/index.html").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("swagger");
    }
}
