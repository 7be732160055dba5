package dev.keelson.reference.platform.errors;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Every failure the API reports on purpose, with its HTTP status and a stable slug. The slug ends the problem
 * document's {@code type} URI, so clients can switch on it; never rename one.
 */
public enum ErrorCode {
    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "The request is not valid"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required"), // keelson:auth
    BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED, "bad-credentials", "Email or password is wrong"), // keelson:auth
    INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "The refresh token is not valid"), // keelson:auth
    REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED, "refresh-token-reused", "The refresh token was already used"), // keelson:auth
    INVALID_EMAIL_TOKEN(HttpStatus.BAD_REQUEST, "invalid-email-token", "The emailed code is not valid"), // keelson:auth
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"), // keelson:auth
    EMAIL_NOT_VERIFIED(HttpStatus.FORBIDDEN, "email-not-verified", "The email address is not verified yet"), // keelson:auth
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    EMAIL_TAKEN(HttpStatus.CONFLICT, "email-taken", "The email is already registered"), // keelson:auth
    INVALID_STATE(HttpStatus.CONFLICT, "invalid-state", "The resource's state does not allow this"),
    TIMEOUT(HttpStatus.SERVICE_UNAVAILABLE, "timeout", "The request took too long"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "The resource has changed"),
    PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match header required"),
    BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
            "The idempotency key was used for a different request"),
    IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "idempotency-key-in-use",
            "A request with this idempotency key is still running"),
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

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return TYPE_PREFIX + slug;
    }

    public String title() {
        return title;
    }
}
