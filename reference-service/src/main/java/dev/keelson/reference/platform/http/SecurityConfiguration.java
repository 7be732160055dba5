package dev.keelson.reference.platform.http;

import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.errors.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what, the CORS allowlist, and the security headers: a CSP that allows nothing (the API serves no
 * HTML), {@code nosniff}, {@code Referrer-Policy: no-referrer}, HSTS on HTTPS requests.
 * The API is stateless: a bearer JWT (see {@code auth.JwtConfiguration}) on every call except the auth endpoints, // keelson:auth
 * health and metrics. Answers 401 with {@code WWW-Authenticate: Bearer ...} and 403 as problem documents. // keelson:auth
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity // keelson:auth
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(
            Problems problems, // keelson:auth
            HttpSecurity http, HttpProperties properties) throws Exception {
        http.cors(cors -> cors.configurationSource(corsAllowlist(properties.cors().allowedOrigins())))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // a stateless API has no session to log out of, and nothing reads the servlet API's view of the
                // caller (request.getUserPrincipal()): two filters and a request wrapper fewer on every request
                .logout(logout -> logout.disable())
                .servletApi(api -> api.disable())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        bearerTokens(http, problems); // keelson:auth
        return http.build();
    }
    // keelson:begin auth

    /** Every call but sign-in, health and metrics needs a valid bearer JWT; its roles become authorities. */
    private static void bearerTokens(HttpSecurity http, Problems problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = new ProblemEntryPoint(problems);
        AccessDeniedHandler denied = (request, response, e) -> problems.write(
                problems.of(ErrorCode.FORBIDDEN, "You do not have the role this needs", request), response);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/auth/**", "/health/**", "/prometheus", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
    }
    // keelson:end auth

    /**
     * Browsers may call the API from exactly the origins in {@code reference.http.cors.allowed-origins} (none by
     * default: same-origin and non-browser clients only).
     * Bearer tokens travel in a header, so no credentials mode. // keelson:auth
     */
    private static CorsConfigurationSource corsAllowlist(List<String> allowedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "X-Request-Id",
                "Idempotency-Key"));
        cors.setExposedHeaders(List.of("ETag", "Location", "X-Request-Id", "Retry-After", "RateLimit-Limit",
                "RateLimit-Remaining", "RateLimit-Reset", "Idempotent-Replayed"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration("/graphql", cors); // keelson:graphql
        return source;
    }
    // keelson:begin auth

    /** The JWT's {@code roles} claim ({@code ["USER", "ADMIN"]}) becomes {@code ROLE_USER}, {@code ROLE_ADMIN}. */
    private static Converter<Jwt, AbstractAuthenticationToken> rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    /**
     * 401 with a problem document and an RFC 6750 challenge: {@code Bearer}, plus {@code error="invalid_token"} when a
     * token was sent. Spring's own entry point would add the JWT library's message and a metadata URL built from the
     * request's {@code Host}; neither helps a client, and both tell an attacker more than it should know.
     */
    private record ProblemEntryPoint(Problems problems) implements AuthenticationEntryPoint {
        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            boolean tokenGiven = request.getHeader("Authorization") != null;
            response.setHeader("WWW-Authenticate", tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
            String detail = tokenGiven
                    ? "The access token is not valid or has expired; refresh it or sign in again"
                    : "Send an access token: Authorization: Bearer <token> (from POST /api/v1/auth/login)";
            problems.write(problems.of(ErrorCode.UNAUTHENTICATED, detail, request), response);
        }
    }
    // keelson:end auth
}
