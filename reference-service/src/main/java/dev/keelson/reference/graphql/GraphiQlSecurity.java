package dev.keelson.reference.graphql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The GraphiQL page ({@code spring.graphql.graphiql.enabled=true}, off by default). The page itself is static HTML
 * and open to anyone; the queries it sends to {@code /graphql} need a token like any other (set it in GraphiQL's
 * headers tab). The API's CSP allows nothing, so the page gets its own: scripts and styles from esm.sh, where
 * GraphiQL loads from, and requests to this origin only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.graphql.graphiql.enabled")
class GraphiQlSecurity {
    static final String CSP = "default-src 'none'; script-src 'unsafe-inline' https://esm.sh; "
            + "style-src 'unsafe-inline' https://esm.sh; font-src https://esm.sh data:; img-src https://esm.sh data:; "
            + "connect-src 'self' https://esm.sh; worker-src blob: https://esm.sh; frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain graphiql(HttpSecurity http, @Value("${spring.graphql.graphiql.path:/graphiql}") String path)
            throws Exception {
        http.securityMatcher(path, path + "/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
