package dev.keelson.reference.platform.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller (or one handler method): its requests ignore {@code Idempotency-Key}. Nothing of them is stored,
 * fingerprinted or replayed, and every retry runs anew. For handlers whose requests carry secrets (passwords,
 * single-use codes, refresh tokens) or whose responses do: a stored response would hand the same secret to whoever
 * presents the key again, and a replay would skip the checks a second use must meet (a spent refresh token must
 * always trip reuse detection). The filter decides on the handler the request is routed to, so no spelling of the
 * path can dodge it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NeverReplayed {}
