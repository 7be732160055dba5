package dev.keelson.reference.platform.caller;

/**
 * Where the caller of the request being handled comes from. Without sign-in it is always {@link Caller#ANYONE}
 * ({@link CallerConfiguration}); sign-in replaces this bean with one that reads the access token.
 */
public interface Callers {
    /** The caller of the request being handled. */
    Caller current();

    /**
     * Refuses a caller who may not yet create what must be tied to a reachable person (an order) because their email
     * address is unverified. Without sign-in there is no one to verify: nothing is refused.
     */
    default void requireVerifiedEmail(Caller caller) {}
}
