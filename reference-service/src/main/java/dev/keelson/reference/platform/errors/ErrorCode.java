package dev.keelson.reference.platform.errors;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * The failures every service reports on purpose, with their HTTP status and a stable slug. The slug ends the problem
 * document's {@code type} URI, so clients can switch on it; never rename one. Features add their own
 * {@link ProblemType}s.
 */
public enum ErrorCode implements ProblemType {
    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "The request is not valid"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    INVALID_STATE(HttpStatus.CONFLICT, "invalid-state", "The resource's state does not allow this"),
    TIMEOUT(HttpStatus.SERVICE_UNAVAILABLE, "timeout", "The request took too long"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "The resource has changed"),
    PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match header required"),
    BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    IDEMPOTENCY_KEY_REUSED(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "idempotency-key-reused",
            "The idempotency key was used for a different request"),
    IDEMPOTENCY_KEY_IN_USE(
            HttpStatus.CONFLICT, "idempotency-key-in-use", "A request with this idempotency key is still running"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable");

    /** The prefix of every {@code type} this service sets. */
    public static final String TYPE_PREFIX = "https://keelson.dev/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ErrorCode(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** The first code with {@code status}: the type of problems Spring raises itself (404, 405, 415, ...). */
    static Optional<ErrorCode> forStatus(int status) {
        return Arrays.stream(values()).filter(c -> c.status.value() == status).findFirst();
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String type() {
        return TYPE_PREFIX + slug;
    }

    @Override
    public String title() {
        return title;
    }
}
