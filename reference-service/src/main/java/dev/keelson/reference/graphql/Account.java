package dev.keelson.reference.graphql;

import dev.keelson.reference.user.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user as GraphQL shows it (type {@code User}); never the password hash. {@code email}, {@code emailVerified} and
 * {@code roles} are private: {@link UserGraph} lets only the account itself and admins read them.
 */
record Account(
        UUID id, String displayName, Instant createdAt, String email, boolean emailVerified, List<String> roles) {

    static Account of(User user) {
        return new Account(
                user.id(),
                user.displayName(),
                user.createdAt(),
                user.email(),
                user.emailVerifiedAt() != null,
                user.roles());
    }
}
