package dev.keelson.reference.platform.errors;

import org.springframework.http.HttpStatus;

/**
 * A kind of failure the API reports on purpose: its HTTP status, its {@code type} URI (which clients switch on, so
 * never renamed) and its title. {@link ErrorCode} holds the ones every service has; a feature adds its own enum (sign-in
 * has {@code auth.AuthError}).
 */
public interface ProblemType {
    HttpStatus status();

    String type();

    String title();
}
