package dev.keelson.reference.platform.http;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The API's security filter chain: the CORS allowlist and the security headers (a CSP that allows nothing, as the API
 * serves no HTML, {@code nosniff}, {@code Referrer-Policy: no-referrer}, HSTS on HTTPS requests), stateless, no
 * sessions. Who may call what comes from the features: each {@link ApiSecurity} bean adds its part (sign-in adds
 * bearer tokens); without one every endpoint is open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(
            HttpSecurity http, HttpProperties properties, List<ApiSecurity> parts, List<CorsEndpoint> corsEndpoints)
            throws Exception {
        http.cors(cors ->
                        cors.configurationSource(corsAllowlist(properties.cors().allowedOrigins(), corsEndpoints)))
                .csrf(csrf -> csrf.disable())
                // stateless: the authentication lives in the request only. No session is ever made, so session
                // management (its filter, and the filter and response wrapper that keep session ids out of URLs)
                // has nothing to do on any request; it is off rather than configured STATELESS
                .sessionManagement(s -> s.disable())
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                // a stateless API has no session to log out of, and nothing reads the servlet API's view of the
                // caller (request.getUserPrincipal()): two filters and a request wrapper fewer on every request
                .logout(logout -> logout.disable())
                .servletApi(api -> api.disable())
                // fixed values, so fixed headers: contentSecurityPolicy(...) would add a filter that makes a CSP
                // nonce for every request, which a policy without {nonce} never uses (same headers, same order)
                .headers(h -> h.addHeaderWriter(new StaticHeadersWriter(
                                "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                        .addHeaderWriter(new StaticHeadersWriter("Referrer-Policy", "no-referrer")));
        for (ApiSecurity part : parts) {
            part.configure(http);
        }
        return http.build();
    }

    /**
     * Browsers may call the API, and the {@code endpoints} features add, from exactly the origins in
     * {@code reference.http.cors.allowed-origins} (none by default: same-origin and non-browser clients only). Nothing rides on cookies (tokens, where a feature uses
     * them, travel in a header), so no credentials mode.
     */
    private static CorsConfigurationSource corsAllowlist(List<String> allowedOrigins, List<CorsEndpoint> endpoints) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(
                "Authorization", "Content-Type", "If-Match", "If-None-Match", "X-Request-Id", "Idempotency-Key"));
        cors.setExposedHeaders(List.of(
                "ETag",
                "Location",
                "X-Request-Id",
                "Retry-After",
                "RateLimit-Limit",
                "RateLimit-Remaining",
                "RateLimit-Reset",
                "Idempotent-Replayed"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        endpoints.forEach(endpoint -> source.registerCorsConfiguration(endpoint.path(), cors));
        return source;
    }
}
