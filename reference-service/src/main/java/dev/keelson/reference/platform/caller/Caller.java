package dev.keelson.reference.platform.caller;

import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.errors.ErrorCode;
import java.util.UUID;

/**
 * Who is asking. A controller method takes it as a plain parameter ({@link CallerArgumentResolver}); services decide
 * with it. A user reaches the rows they own; an admin reaches every row.
 *
 * @param userId        the caller's id, {@code null} for {@link #ANYONE}
 * @param admin         true when the caller may act on every row
 * @param emailVerified true when the caller proved their email address is theirs
 */
public record Caller(UUID userId, boolean admin, boolean emailVerified) {
    /**
     * The request attribute (and log-context key) holding the signed-in user's id, set by sign-in right after
     * authentication, so the rate limiter, the idempotency filter and the access log can tell users apart.
     */
    public static final String USER_ID = "userId";

    /** The caller of a service without sign-in: owns nothing, reaches everything. */
    public static final Caller ANYONE = new Caller(null, true, true);

    /** The owner filter of this caller's queries: {@code null} (every row) for admins. */
    public UUID ownerFilter() {
        return admin ? null : userId;
    }

    /** True when this caller may see a row owned by {@code owner}. */
    public boolean reaches(UUID owner) {
        return admin || userId.equals(owner);
    }

    /** A 403 problem unless this caller is an admin. */
    public void requireAdmin() {
        if (!admin) {
            throw new ApiException(ErrorCode.FORBIDDEN, "You do not have the role this needs");
        }
    }
}
