package dev.keelson.reference.platform.http;

import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.errors.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code reference.http.max-body-size} (64 KB by default) with 413, whatever their
 * framing, and never reads or holds more than the limit plus one byte. A declared {@code Content-Length} over the
 * limit is refused unread; any other body (a smaller length, chunked in any spelling Tomcat accepts) is read here,
 * counting the bytes Tomcat actually delivers, up to one byte past the limit: over it is refused, within it the
 * handlers get the bytes read ({@link BufferedBody}), unless they hold NUL (400: no text field can store it, so it
 * is refused here rather than by the database). The refusal closes the connection (413 does, in Tomcat), and
 * Tomcat swallows at most {@code server.tomcat.max-swallow-size} of what remains, so a client cannot make the server
 * read on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
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
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse("The body has " + declared + " bytes; the limit is " + maxBytes, request, response);
            return;
        }
        if (!hasBody(request, declared)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        if (body.length > maxBytes) {
            refuse("The body has more than " + maxBytes + " bytes; the limit is " + maxBytes, request, response);
            return;
        }
        BufferedBody buffered = new BufferedBody(request, body);
        int nul = buffered.nulAt();
        if (nul >= 0) {
            refuseNul(buffered.memberAt(nul), request, response);
            return;
        }
        chain.doFilter(buffered, response);
    }

    /** As Tomcat frames the request: a body comes with a length above 0 or a {@code Transfer-Encoding}. */
    private static boolean hasBody(HttpServletRequest request, long declared) {
        return declared > 0 || request.getHeaders("Transfer-Encoding").hasMoreElements();
    }

    /** 400 naming the field, as a validation failure would, when the NUL sits in a member's value. */
    private void refuseNul(String field, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = "must not contain the NUL character (\\u0000)";
        ProblemDetail problem = problems.of(
                ErrorCode.VALIDATION,
                field == null
                        ? "The body holds the NUL character (\\u0000), which no field accepts: remove it"
                        : "1 field is not valid",
                request);
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        problems.write(problem, response);
    }

    private void refuse(String detail, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(problems.of(ErrorCode.BODY_TOO_LARGE, detail, request), response);
    }
}
