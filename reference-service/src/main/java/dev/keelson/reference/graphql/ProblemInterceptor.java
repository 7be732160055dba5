package dev.keelson.reference.graphql;

import dev.keelson.reference.platform.errors.ErrorCode;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import reactor.core.publisher.Mono;

/**
 * Around every GraphQL request: hands the HTTP request to {@link ProblemErrors} (for the problem's {@code instance}
 * and {@code requestId}), and gives the errors GraphQL raises before any field runs (a query that does not parse,
 * names an unknown field, passes a value of the wrong type, or is too complex) the same problem extensions, as
 * validation problems: their messages describe the query, never the server.
 */
@Component
class ProblemInterceptor implements WebGraphQlInterceptor {
    /** Key of the {@link HttpServletRequest} in the GraphQL context. */
    static final String REQUEST = ProblemInterceptor.class.getName() + ".request";

    private final ProblemErrors errors;

    ProblemInterceptor(ProblemErrors errors) {
        this.errors = errors;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        HttpServletRequest servlet = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest()
                : null;
        if (servlet != null) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(REQUEST, servlet)).build());
        }
        return chain.next(request).map(response -> withProblems(response, servlet));
    }

    private WebGraphQlResponse withProblems(WebGraphQlResponse response, HttpServletRequest servlet) {
        ExecutionResult result = response.getExecutionResult();
        if (result.getErrors().stream().allMatch(ProblemInterceptor::isProblem)) {
            return response;
        }
        List<GraphQLError> mapped = result.getErrors().stream()
                .map(e -> isProblem(e) ? e : asValidationProblem(e, servlet))
                .toList();
        return response.transform(builder -> builder.errors(mapped));
    }

    private GraphQLError asValidationProblem(GraphQLError error, HttpServletRequest servlet) {
        ProblemDetail problem = errors.problem(ErrorCode.VALIDATION, error.getMessage(), servlet);
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(ProblemErrors.extensions(problem));
        if (error.getLocations() != null) {
            builder.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    private static boolean isProblem(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("type");
    }
}
