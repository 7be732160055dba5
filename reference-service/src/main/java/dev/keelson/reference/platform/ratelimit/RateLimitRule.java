package dev.keelson.reference.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;

/**
 * A feature's own buckets in front of some requests (sign-in's strict one per client address). Every bean of this
 * type is asked in bean order; the first that returns a bucket decides, and requests no rule claims use the API's.
 */
public interface RateLimitRule {
    /** The bucket of this request, or {@code null} when the rule does not apply; {@code path} is the servlet path. */
    RateBucket bucket(HttpServletRequest request, String path);

    /** The longest refill period of this rule's limits: idle buckets are kept that long. */
    Duration period();
}
