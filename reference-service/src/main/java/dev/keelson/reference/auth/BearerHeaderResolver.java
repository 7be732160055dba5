package dev.keelson.reference.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.stereotype.Component;

/**
 * Finds the access token in {@code Authorization: Bearer <token>} (RFC 6750 section 2.1), and only there: never in
 * the query string or a form body, where it would end up in logs and browser history.
 *
 * <p>The same contract as Spring Security's {@code DefaultBearerTokenResolver} with its defaults: no header or
 * another scheme is "no token" ({@code null}); a {@code Bearer} header whose value is not a {@code b64token} is
 * rejected as malformed. Checked with a loop instead of a regular expression, which cost a few percent of every
 * authenticated request's CPU (measured with JFR).
 */
@Component
final class BearerHeaderResolver implements BearerTokenResolver {
    private static final String SCHEME = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        if (header.length() <= SCHEME.length()
                || header.charAt(SCHEME.length() - 1) != ' '
                || !isB64Token(header, SCHEME.length())) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(SCHEME.length());
    }

    /** RFC 6750's {@code b64token}: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isB64Token(String value, int from) {
        int i = from;
        while (i < value.length() && isTokenChar(value.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < value.length() && value.charAt(i) == '=') {
            i++;
        }
        return i == value.length();
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
