package dev.keelson.reference.platform.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem document. Spring's own exceptions (405,
 * 415, 404 for unknown routes, malformed JSON, ...) keep their standard status and title; validation failures list
 * each bad field in {@code errors}; {@link ApiException}s carry our {@link ErrorCode}; anything else is a 500 whose
 * body says nothing about the cause (the log has it, under the same request id).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;

    ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return respond(problems.of(e.code(), e.getMessage(), request));
    }

    /** Method security's refusal (where a feature enables it): 403 as a problem document. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(problems.of(ErrorCode.FORBIDDEN, "You do not have the role this needs", request));
    }

    /**
     * A statement ran past {@code reference.database.statement-timeout} (PostgreSQL cancelled it) or a transaction past
     * {@code spring.transaction.default-timeout}: 503 saying so, never a request left hanging.
     */
    @ExceptionHandler({QueryTimeoutException.class, TransactionTimedOutException.class})
    ResponseEntity<ProblemDetail> timedOut(Exception e, HttpServletRequest request) {
        log.warn("Timed out on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return respond(problems.of(
                ErrorCode.TIMEOUT,
                "The request took too long and was stopped; try again, and quote the request id if it keeps happening",
                request));
    }

    /**
     * Tomcat could not read the query string's parameters (bytes that are not UTF-8 such as {@code %ff}, an empty
     * name such as {@code &&==&}): the client's mistake, found only when a handler first asks for a parameter.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException e, HttpServletRequest request) {
        return respond(problems.of(
                ErrorCode.VALIDATION,
                "The query string cannot be read: percent-encode UTF-8 and " + "write each parameter as name=value",
                request));
    }

    /**
     * A {@code multipart/*} body Tomcat cannot parse (no boundary, a part cut off): the client's mistake, found when
     * Spring MVC resolves the parts before it picks a handler. A body too large stays Spring's 413.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e, HttpServletRequest request) {
        return respond(problems.of(
                ErrorCode.VALIDATION, "The multipart body cannot be read: send it with its boundary, whole", request));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(validation(errors, request));
    }

    /** The database is away (down, unreachable, or its pool exhausted): 503, so clients and balancers retry. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .headers(problemHeaders())
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(problems.of(
                        ErrorCode.UNAVAILABLE,
                        "The service cannot reach its database right now; retry in a few seconds",
                        request));
    }

    /**
     * The rollback failed: when the connection died under the transaction (the database went away mid-request), that
     * is the same 503 as above; anything else is unexpected.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ProblemDetail> transactionFailed(TransactionSystemException e, HttpServletRequest request) {
        return connectionLost(e) ? unavailable(e, request) : unexpected(e, request);
    }

    private static boolean connectionLost(TransactionSystemException e) {
        if (e.getApplicationException() instanceof DataAccessResourceFailureException
                || e.getApplicationException() instanceof TransientDataAccessResourceException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true; // SQLSTATE class 08: connection exception
            }
        }
        return false;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.of(
                ErrorCode.INTERNAL,
                "Something went wrong on our side; quote the request id when you report it",
                request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return new ResponseEntity<>(validation(errors, servlet(request)), problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return new ResponseEntity<>(validation(errors, servlet(request)), problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                problems.of(ErrorCode.VALIDATION, "The body is not valid JSON for this endpoint", servlet(request));
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    /** Every problem Spring builds passes here: add instance and request id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problems.decorate(problem, servlet(request));
        }
        return response;
    }

    private ProblemDetail validation(List<FieldError> errors, HttpServletRequest request) {
        ProblemDetail problem = problems.of(
                ErrorCode.VALIDATION,
                errors.size() == 1 ? "1 field is not valid" : errors.size() + " fields are not valid",
                request);
        problem.setProperty("errors", errors.stream().map(FieldError::asMap).toList());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .headers(problemHeaders())
                .body(problem);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** One entry of a validation problem's {@code errors}. */
    record FieldError(String field, String message) {
        Map<String, String> asMap() {
            return Map.of("field", field, "message", message == null ? "is not valid" : message);
        }
    }
}
