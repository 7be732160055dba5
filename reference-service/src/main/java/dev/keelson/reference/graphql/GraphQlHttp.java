package dev.keelson.reference.graphql;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /graphql} HTTP handler, writing JSON with every {@code null}: the REST API leaves nulls out
 * ({@code spring.jackson.default-property-inclusion: non_null}), but in GraphQL a field that was asked for is always
 * in the answer, {@code null} included, and {@code "data": null} means the operation failed.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlHttp {
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper json) {
        JsonMapper withNulls = json.rebuild()
                .changeDefaultPropertyInclusion(inclusion -> JsonInclude.Value.construct(
                        JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
                .build();
        return new GraphQlHttpHandler(handler, new JacksonJsonHttpMessageConverter(withNulls));
    }
}
