package dev.keelson.reference.platform.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a problem document to error answers that left without a body, such as the bare 415 of Spring Boot's GraphQL
 * route for a request that is not JSON: an error status, nothing sent yet and no content type set (every body the
 * service writes sets one) means no body was written, so one can be.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodilessErrors extends OncePerRequestFilter {
    private final Problems problems;

    BodilessErrors(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status >= 400 && !response.isCommitted() && response.getContentType() == null) {
            ProblemDetail problem = ProblemDetail.forStatus(status);
            HttpStatus known = HttpStatus.resolve(status);
            problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
            problems.write(problems.decorate(problem, request), response);
        }
    }
}
