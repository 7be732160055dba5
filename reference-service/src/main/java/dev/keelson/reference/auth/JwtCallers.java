package dev.keelson.reference.auth;

import dev.keelson.reference.platform.caller.Caller;
import dev.keelson.reference.platform.caller.Callers;
import dev.keelson.reference.platform.errors.ApiException;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The caller is the user the request's access token names (Spring Security verified it before any controller runs).
 * A user reaches only their own rows and gets 404 for anyone else's, exactly as for an id that does not exist, so
 * ids cannot be probed; admins reach every row.
 */
@Component
@Primary
public class JwtCallers implements Callers {
    private final boolean ordersNeedVerifiedEmail;

    JwtCallers(@Value("${reference.auth.orders-need-verified-email:true}") boolean ordersNeedVerifiedEmail) {
        this.ordersNeedVerifiedEmail = ordersNeedVerifiedEmail;
    }

    /**
     * The caller an access token names: its subject, admin when its {@code roles} claim holds ADMIN, verified when its
     * {@code email_verified} claim is true.
     */
    public static Caller of(Jwt jwt) {
        return new Caller(UUID.fromString(jwt.getSubject()), isAdmin(jwt), isEmailVerified(jwt));
    }

    /*
     * The claims as this service signs them (a JSON array, a JSON boolean) are read as they are, anything else through
     * Spring Security's claim conversion: the same answers (no JSON value but a string equals "ADMIN"), without the
     * conversion service's type look-ups on every request (about 1 % of an authenticated GET's CPU, profiled).
     */
    private static boolean isAdmin(Jwt jwt) {
        List<?> roles = jwt.getClaims().get("roles") instanceof List<?> list ? list : jwt.getClaimAsStringList("roles");
        return roles != null && roles.contains("ADMIN");
    }

    private static boolean isEmailVerified(Jwt jwt) {
        return jwt.getClaims().get("email_verified") instanceof Boolean verified
                ? verified
                : Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified"));
    }

    @Override
    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        throw new ApiException(
                AuthError.UNAUTHENTICATED,
                "Send an access token: Authorization: Bearer <token> (from POST /api/v1/auth/login)");
    }

    /**
     * Only a caller whose email address is verified may place orders (403 otherwise): until then the account may be
     * anyone's who typed that address, and orders are what a shop must be able to tie to a reachable customer.
     * {@code reference.auth.orders-need-verified-email=false} lifts this (guest-style shops, load tests).
     */
    @Override
    public void requireVerifiedEmail(Caller caller) {
        if (ordersNeedVerifiedEmail && !caller.emailVerified()) {
            throw new ApiException(
                    AuthError.EMAIL_NOT_VERIFIED,
                    "Verify your email address before placing orders: "
                            + "send the emailed code to POST /api/v1/auth/verify-email, then refresh your access token");
        }
    }
}
