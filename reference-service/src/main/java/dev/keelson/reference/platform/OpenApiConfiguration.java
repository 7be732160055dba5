package dev.keelson.reference.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The OpenAPI 3.1 description ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}). Their pages need
 * scripts and styles, so they get their own filter chain with a CSP that allows this origin's; the API keeps its
 * CSP that allows nothing.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    static final String BEARER = "bearer"; // keelson:auth

    @Bean
    OpenAPI openApi() {
        OpenAPI api = new OpenAPI()
                .info(new Info().title("Reference service API").version("v1")
                        .description("Errors are RFC 9457 problem documents (application/problem+json)."));
        // keelson:begin auth
        api.components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
        // keelson:end auth
        return api;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "frame-ancestors 'none'")));
        return http.build();
    }
}
