package dev.keelson.reference.auth;

import dev.keelson.reference.platform.http.OpenApiConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Sign-in in the OpenAPI description: the bearer scheme, required by every operation but the sign-in endpoints (all
 * but the password change), which answer 401 without a valid token and 403 when its roles do not allow the call.
 */
@Configuration(proxyBeanMethods = false)
class BearerApiDocs {
    static final String BEARER = "bearer";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    OpenApiCustomizer bearerTokens() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(
                            BEARER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT"));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
            api.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach(operation -> {
                        if (path.startsWith("/api/v1/auth/") && !path.equals("/api/v1/auth/password-change")) {
                            operation.setSecurity(List.of());
                        } else {
                            OpenApiConfiguration.problem(operation.getResponses(), "401", "No valid access token");
                            OpenApiConfiguration.problem(
                                    operation.getResponses(), "403", "The token's roles do not allow this");
                        }
                    }));
        };
    }
}
