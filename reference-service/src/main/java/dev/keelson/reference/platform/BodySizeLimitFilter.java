package dev.keelson.reference.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code reference.http.max-body-size} (64 KB by default) with 413 before anything
 * reads them. Bodies without a length (chunked) are refused too: the API's clients always know their length.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final Problems problems;

    BodySizeLimitFilter(HttpProperties properties, Problems problems) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || chunked) {
            String detail = chunked
                    ? "Send the body with a Content-Length of at most " + maxBytes + " bytes"
                    : "The body has " + length + " bytes; the limit is " + maxBytes;
            problems.write(problems.of(ErrorCode.BODY_TOO_LARGE, detail, request), response);
            return;
        }
        chain.doFilter(request, response);
    }
}
