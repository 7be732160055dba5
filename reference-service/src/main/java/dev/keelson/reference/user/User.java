package dev.keelson.reference.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account as stored. {@code passwordHash} is an Argon2id hash in PHC string form.
 *
 * @param roles           {@code USER}, and {@code ADMIN} for administrators
 * @param emailVerifiedAt when the owner proved the address is theirs; {@code null} until then
 * @param tokenVersion    the version every live access token of the account carries; revoking them adds one
 */
public record User(
        UUID id,
        String email,
        String passwordHash,
        String displayName,
        List<String> roles,
        Instant emailVerifiedAt,
        Instant createdAt,
        Instant updatedAt,
        int tokenVersion) {

    /** This account with {@code passwordHash} left out, for copies that leave the database (the read cache). */
    public User withoutPasswordHash() {
        return new User(id, email, null, displayName, roles, emailVerifiedAt, createdAt, updatedAt, tokenVersion);
    }
}
