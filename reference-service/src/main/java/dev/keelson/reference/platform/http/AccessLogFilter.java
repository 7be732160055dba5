package dev.keelson.reference.platform.http;

import dev.keelson.reference.platform.caller.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log event per request, after it is answered: method, route (the mapping pattern such as
 * {@code /api/v1/orders/{id}}, never the raw path with its ids), status, duration, and, through the log context,
 * request id and user id. Never the query string, headers or bodies, so tokens and passwords cannot reach the log.
 * The user id is the request attribute {@link Caller#USER_ID} (none without sign-in).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger("access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            Object userId = request.getAttribute(Caller.USER_ID);
            if (userId != null) {
                MDC.put(Caller.USER_ID, userId.toString());
            }
            try {
                log.atInfo()
                        .addKeyValue("http.method", request.getMethod())
                        .addKeyValue("http.route", route(request))
                        .addKeyValue("http.status", response.getStatus())
                        .addKeyValue("duration.us", micros)
                        .log("{} {} {} {}us", request.getMethod(), route(request), response.getStatus(), micros);
            } finally {
                MDC.remove(Caller.USER_ID);
            }
        }
    }

    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? "unmatched" : pattern.toString();
    }
}
