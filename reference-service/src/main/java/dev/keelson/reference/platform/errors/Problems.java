package dev.keelson.reference.platform.errors;

import dev.keelson.reference.platform.http.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents the same way everywhere: {@code instance} is the request path and
 * {@code requestId} the request's id. Also writes them directly to a response, for the places outside Spring MVC
 * (security, filters) that cannot return a {@code ResponseEntity}.
 */
@Component
public class Problems {
    private static final URI BLANK = URI.create("about:blank");

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** A problem for one of our error codes. */
    public ProblemDetail of(ProblemType code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create(code.type()));
        problem.setTitle(code.title());
        return decorate(problem, request);
    }

    /**
     * Adds {@code instance} and {@code requestId} unless already present, and gives problems Spring built (type
     * {@code about:blank}) the type of our code for their status, so every document names its type.
     */
    ProblemDetail decorate(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getType() == null || BLANK.equals(problem.getType())) {
            problem.setType(ErrorCode.forStatus(problem.getStatus())
                    .map(c -> URI.create(c.type()))
                    .orElse(BLANK));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request.getRequestURI()));
        }
        String requestId = RequestIdFilter.current(request);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** {@code path} as a problem's {@code instance}, or {@code null} when it is not a valid URI reference. */
    static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Writes {@code problem} as {@code application/problem+json} with its status. */
    public void write(ProblemDetail problem, HttpServletResponse response) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
