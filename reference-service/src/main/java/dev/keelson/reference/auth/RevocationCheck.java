package dev.keelson.reference.auth;

import dev.keelson.reference.user.User;
import dev.keelson.reference.user.Users;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Refuses access tokens that were revoked after they were issued: every token carries its account's
 * {@link User#tokenVersion()} as the {@code ver} claim, and sign-out, a password reset, a change of roles and
 * deletion move the account's version on, so every earlier token of the account fails at once.
 *
 * <p>The version is read from the account's entry in the read cache ({@link Users#findForDisplay}: in this
 * instance's memory, or in Redis, shared by every instance, when configured), which every such change drops after
 * its commit. So a request pays one cache read, no database round trip, except the first after a change or after
 * the entry's lifetime ({@code reference.cache.ttl}), which reads the row once. Without Redis, several instances
 * each keep their own entry and another instance sees a revocation only when its entry expires: run more than one
 * instance with Redis. While the database is down, a token whose account is not cached is let through unchecked
 * (its signature and expiry still are): the request then meets the database's 503 like any other.
 */
final class RevocationCheck implements JwtDecoder {
    static final String VERSION_CLAIM = "ver";
    private static final Logger log = LoggerFactory.getLogger(RevocationCheck.class);

    private final JwtDecoder delegate;
    private final Users users;

    RevocationCheck(JwtDecoder delegate, Users users) {
        this.delegate = delegate;
        this.users = users;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = delegate.decode(token);
        Optional<User> account;
        try {
            account = users.findForDisplay(subject(jwt));
        } catch (DataAccessException e) {
            // the database is down and the account is not cached: let the signed token through, so the request
            // gets the handlers' 503 (or a cached read) as before, instead of a 401 that makes clients sign in again
            log.warn("Revocation of an access token not checked, the account could not be read: {}", e.getMessage());
            return jwt;
        }
        if (account.isEmpty()) {
            throw new BadJwtException("The account of this access token no longer exists");
        }
        if (account.get().tokenVersion() != version(jwt)) {
            throw new BadJwtException("This access token was revoked (signed out, password or roles changed)");
        }
        return jwt;
    }

    private static UUID subject(Jwt jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadJwtException("The access token names no account");
        }
    }

    /** The token's {@code ver}; tokens issued before versions existed count as version 0. */
    private static long version(Jwt jwt) {
        Object claim = jwt.getClaims().get(VERSION_CLAIM);
        return claim instanceof Number n ? n.longValue() : claim == null ? 0 : -1;
    }
}
