package dev.keelson.reference.graphql;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.errors.Problems;
import dev.keelson.reference.platform.http.BufferedBody;
import dev.keelson.reference.platform.http.CorsEndpoint;
import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /graphql} HTTP handler, writing JSON with every {@code null}: the REST API leaves nulls out
 * ({@code spring.jackson.default-property-inclusion: non_null}), but in GraphQL a field that was asked for is always
 * in the answer, {@code null} included, and {@code "data": null} means the operation failed.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlHttp {
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper json, Problems problems) {
        JsonMapper withNulls = json.rebuild()
                .changeDefaultPropertyInclusion(inclusion ->
                        JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
                .build();
        return new NullBodyRefused(handler, new JacksonJsonHttpMessageConverter(withNulls), problems);
    }

    /** Browsers from the allowed origins may call {@code /graphql} as they call the REST API. */
    @Bean
    CorsEndpoint graphQlCors(@Value("${spring.graphql.http.path:/graphql}") String path) {
        return new CorsEndpoint(path);
    }

    /**
     * Spring GraphQL reads the body {@code null} as no request and fails with a NullPointerException (a 500); this
     * answers it as the 400 it is. The body is already in memory ({@code BufferedBody}), so looking costs nothing.
     */
    private static final class NullBodyRefused extends GraphQlHttpHandler {
        private final Problems problems;

        // Spring GraphQL 2.1 deprecates for removal the constructors in favour of a builder of a final handler, which
        // leaves no way to subclass; until it offers a hook for the body, this stays a subclass (docs/dependencies.md)
        @SuppressWarnings("removal")
        NullBodyRefused(WebGraphQlHandler handler, JacksonJsonHttpMessageConverter converter, Problems problems) {
            super(handler, converter);
            this.problems = problems;
        }

        @Override
        public ServerResponse handleRequest(ServerRequest request) throws ServletException {
            BufferedBody body = WebUtils.getNativeRequest(request.servletRequest(), BufferedBody.class);
            if (body != null && "null".equals(new String(body.body(), StandardCharsets.UTF_8).strip())) {
                return ServerResponse.badRequest()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problems.of(
                                ErrorCode.VALIDATION, "Send a JSON object with a query", request.servletRequest()));
            }
            return super.handleRequest(request);
        }
    }
}
