package dev.keelson.reference.auth;

import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.errors.ProblemType;
import org.springframework.http.HttpStatus;

/** The failures of sign-in and accounts, as problem types (their slugs are stable like {@link ErrorCode}'s). */
public enum AuthError implements ProblemType {
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required"),
    BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED, "bad-credentials", "Email or password is wrong"),
    INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "The refresh token is not valid"),
    REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED, "refresh-token-reused", "The refresh token was already used"),
    INVALID_EMAIL_TOKEN(HttpStatus.BAD_REQUEST, "invalid-email-token", "The emailed code is not valid"),
    EMAIL_NOT_VERIFIED(HttpStatus.FORBIDDEN, "email-not-verified", "The email address is not verified yet"),
    EMAIL_TAKEN(HttpStatus.CONFLICT, "email-taken", "The email is already registered");

    private final HttpStatus status;
    private final String slug;
    private final String title;

    AuthError(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String type() {
        return ErrorCode.TYPE_PREFIX + slug;
    }

    @Override
    public String title() {
        return title;
    }
}
