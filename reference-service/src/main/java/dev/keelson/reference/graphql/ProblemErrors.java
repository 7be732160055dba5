package dev.keelson.reference.graphql;

import dev.keelson.reference.auth.AuthError;
import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.errors.ProblemType;
import dev.keelson.reference.platform.errors.Problems;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/**
 * Turns every exception a query or mutation raises into a GraphQL error whose {@code extensions} hold the problem
 * document REST would have answered: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance},
 * {@code requestId} and, for validation, {@code errors: [{field, message}]}. The decisions are REST's: the services
 * throw the same {@link ApiException}s (another user's order is NOT_FOUND, a missing role FORBIDDEN); anything
 * unexpected is INTERNAL with a fixed message, its cause only in the log. Runs before Spring's own resolvers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemErrors extends DataFetcherExceptionResolverAdapter {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrors.class);
    private static final Pattern PATH_STEP = Pattern.compile("\\.(\\w+)|\\[(\\d+)]");
    private static final String WRONG_FORMAT = "is not in the format its description in the schema gives";

    private final Problems problems;

    ProblemErrors(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment env) {
        Throwable e = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        HttpServletRequest request = env.getGraphQlContext().get(ProblemInterceptor.REQUEST);
        ProblemDetail problem = switch (e) {
            case ApiException api -> problem(api.code(), api.getMessage(), request);
            case AccessDeniedException denied ->
                problem(ErrorCode.FORBIDDEN, "You do not have the role this needs", request);
            case AuthenticationException unauthenticated ->
                problem(
                        AuthError.UNAUTHENTICATED,
                        "Send an access token: Authorization: Bearer <token> (from POST /api/v1/auth/login)",
                        request);
            case ConstraintViolationException invalid -> validation(violations(invalid), request);
            case BindException invalid -> validation(bindingErrors(invalid, env.getArguments()), request);
            default -> {
                ProblemDetail internal = problem(
                        ErrorCode.INTERNAL,
                        "Something went wrong on our side; quote the request id when you report it",
                        request);
                String requestId = internal.getProperties() == null
                        ? null
                        : String.valueOf(internal.getProperties().get("requestId"));
                log.error(
                        "Unhandled error in GraphQL field {} (request {})",
                        env.getExecutionStepInfo().getPath(),
                        requestId,
                        e);
                yield internal;
            }
        };
        return GraphqlErrorBuilder.newError(env)
                .errorType(errorType(problem.getStatus()))
                .message(problem.getDetail())
                .extensions(extensions(problem))
                .build();
    }

    /** A problem for {@code code}: REST's document when the HTTP request is known, its core fields otherwise. */
    ProblemDetail problem(ProblemType code, String detail, HttpServletRequest request) {
        if (request != null) {
            return problems.of(code, detail, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create(code.type()));
        problem.setTitle(code.title());
        return problem;
    }

    /** A validation problem listing each bad field, worded as REST's. */
    ProblemDetail validation(List<Map<String, String>> errors, HttpServletRequest request) {
        ProblemDetail problem = problem(
                ErrorCode.VALIDATION,
                errors.size() == 1 ? "1 field is not valid" : errors.size() + " fields are not valid",
                request);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The problem's members as error extensions, in document order. */
    static Map<String, Object> extensions(ProblemDetail problem) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("type", problem.getType().toString());
        extensions.put("title", problem.getTitle());
        extensions.put("status", problem.getStatus());
        extensions.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            extensions.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            extensions.putAll(problem.getProperties());
        }
        return extensions;
    }

    /** GraphQL's coarse classification of an HTTP status; the exact status is in the extensions. */
    static ErrorType errorType(int status) {
        return switch (status) {
            case 401 -> ErrorType.UNAUTHORIZED;
            case 403 -> ErrorType.FORBIDDEN;
            case 404 -> ErrorType.NOT_FOUND;
            default -> status >= 500 ? ErrorType.INTERNAL_ERROR : ErrorType.BAD_REQUEST;
        };
    }

    /** Each violation as {@code {field, message}}; the field is the argument path, such as {@code input.lines[0].quantity}. */
    private static List<Map<String, String>> violations(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> fieldError(argumentPath(v), v.getMessage()))
                .toList();
    }

    /** Each value that could not be converted to its Java type, such as a UUID or an instant. */
    private static List<Map<String, String>> bindingErrors(BindException e, Map<String, Object> arguments) {
        return e.getFieldErrors().stream()
                .map(f -> fieldError(argumentPath(f, arguments), WRONG_FORMAT))
                .toList();
    }

    /**
     * The binder names the argument it was binding {@code $} ({@code $.lines[0].unitPrice}); the argument is the one
     * holding the rejected value at that path.
     */
    private static String argumentPath(FieldError error, Map<String, Object> arguments) {
        String within = error.getField().startsWith("$") ? error.getField().substring(1) : "." + error.getField();
        return arguments.entrySet().stream()
                .filter(a -> Objects.equals(valueAt(a.getValue(), within), error.getRejectedValue()))
                .map(a -> a.getKey() + within)
                .findFirst()
                .orElse(within.isEmpty() ? "$" : within.substring(1));
    }

    /** The value at {@code path} (such as {@code .lines[0].unitPrice}) inside an argument's maps and lists. */
    private static Object valueAt(Object value, String path) {
        Matcher step = PATH_STEP.matcher(path);
        Object current = value;
        while (current != null && step.find()) {
            current = step.group(1) != null
                    ? (current instanceof Map<?, ?> map ? map.get(step.group(1)) : null)
                    : (current instanceof List<?> list && Integer.parseInt(step.group(2)) < list.size()
                            ? list.get(Integer.parseInt(step.group(2)))
                            : null);
        }
        return current;
    }

    /** The violation's path without the method node: {@code orders.first} becomes {@code first}. */
    private static String argumentPath(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.getLast() + "[" + node.getIndex() + "]");
            }
            if (!name.isEmpty() && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                parts.add(name);
            }
        }
        return String.join(".", parts);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is not valid" : message);
    }
}
