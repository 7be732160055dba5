package dev.keelson.reference.auth;

import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.errors.Problems;
import dev.keelson.reference.platform.http.ApiSecurity;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Sign-in's part of the API's security: a bearer JWT (see {@link JwtConfiguration}) on every call except the auth
 * endpoints, health and metrics; its roles become authorities, for {@code @PreAuthorize} too. Answers 401 with
 * {@code WWW-Authenticate: Bearer ...} and 403 as problem documents.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class BearerTokenSecurity implements ApiSecurity {
    private final Problems problems;

    BearerTokenSecurity(Problems problems) {
        this.problems = problems;
    }

    /** Every call but sign-in, health and metrics needs a valid bearer JWT; its roles become authorities. */
    @Override
    public void configure(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = new ProblemEntryPoint(problems);
        AccessDeniedHandler denied = (request, response, e) -> problems.write(
                problems.of(ErrorCode.FORBIDDEN, "You do not have the role this needs", request), response);
        // the container's error dispatches (a firewall's 400, Tomcat's 405) are answered whoever asked; the error path
        // itself is not open, so a direct call to it is refused like any unknown path's (401, or 404 with a token)
        http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/api/v1/auth/**", "/health/**", "/prometheus")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
    }

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
            problems.write(problems.of(AuthError.UNAUTHENTICATED, detail, request), response);
        }
    }
}
