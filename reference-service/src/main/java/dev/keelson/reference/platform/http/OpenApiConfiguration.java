package dev.keelson.reference.platform.http;

import dev.keelson.reference.platform.caller.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
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
public class OpenApiConfiguration {
    static {
        // a controller's Caller parameter is who asks, not something the client sends
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Reference service API")
                        .version("v1")
                        .description("Errors are RFC 9457 problem documents (application/problem+json)."));
    }

    /**
     * What every operation can answer besides its success (whose status, 201 or 204 where it is one, comes from the
     * handler's {@code @ResponseStatus}): problem documents for 400, 404 (paths with an id), 429 and 500. Features
     * add theirs in customizers of their own that run after this one (sign-in: 401 and 403).
     */
    @Bean
    @Order(0)
    OpenApiCustomizer problemResponses() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach(operation -> {
                        ApiResponses responses = operation.getResponses();
                        problem(responses, "400", "The request is not valid (problem type validation, with errors[])");
                        problem(responses, "429", "Too many requests: wait Retry-After seconds");
                        problem(responses, "500", "Something failed on the server; quote requestId");
                        if (path.contains("{")) {
                            problem(responses, "404", "No such resource, or not yours");
                        }
                    }));
        };
    }

    /** Declares that an operation may answer {@code status} with a problem document (unless it already says so). */
    public static void problem(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        "application/problem+json",
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem document")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("requestId", new StringSchema())
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())));
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
