package dev.keelson.reference.platform.http;

import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.errors.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through only requests whose path has one spelling, so that every later decision on the path (rate limits,
 * idempotency, security rules, the access log's route) sees the very path Spring MVC routes on. Refused with 400 and
 * a problem document, before anything else reads the request:
 *
 * <ul>
 *   <li>whatever Spring Security's {@link StrictHttpFirewall} rejects: {@code ;params} (matrix, {@code jsessionid}),
 *       encoded {@code /}, {@code \}, {@code .} and {@code %} (so double encoding), {@code //}, {@code /./},
 *       {@code /../}, NUL and other control characters, methods other than the standard ones;
 *   <li>a percent-encoded ASCII letter, digit, {@code -}, {@code .}, {@code _} or {@code ~} ({@code /%61pi}): those
 *       characters have one spelling, and only a client hiding a path from filters encodes them;
 *   <li>NUL ({@code %00}) in the query string: no parameter accepts it, and PostgreSQL cannot store it.
 * </ul>
 *
 * Tomcat itself refuses, before any filter, encoded {@code /} and {@code \}, malformed or overlong UTF-8, raw control
 * characters and spaces. What remains is case ({@code /API} is another path, and Spring MVC routes case-sensitively)
 * and trailing slashes (routes do not match {@code /orders/}); both end in 404 or 401 like any unknown path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PathFirewall extends OncePerRequestFilter {
    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final Problems problems;

    PathFirewall(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal != null) {
            problems.write(problems.of(ErrorCode.VALIDATION, refusal, request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the request is refused, or {@code null} when its path is canonical. */
    private String refusal(HttpServletRequest request) {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            return "The request path or method is not in canonical form: write the path without encoded separators, "
                    + "dot segments, doubled slashes or ;parameters";
        }
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            return "The query string holds the NUL character (%00), which no parameter accepts: remove it";
        }
        if (encodesAnUnreservedCharacter(request.getRequestURI())) {
            return "The request path percent-encodes a letter, digit or one of -._~: write those characters as "
                    + "they are";
        }
        return null;
    }

    /** True when {@code rawPath} holds {@code %XX} for a character RFC 3986 calls unreserved. */
    static boolean encodesAnUnreservedCharacter(String rawPath) {
        for (int at = rawPath.indexOf('%'); at >= 0 && at + 2 < rawPath.length(); at = rawPath.indexOf('%', at + 1)) {
            String hex = rawPath.substring(at + 1, at + 3);
            if (HexFormat.isHexDigit(hex.charAt(0))
                    && HexFormat.isHexDigit(hex.charAt(1))
                    && unreserved((char) HexFormat.fromHexDigits(hex))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0;
    }
}
