package dev.keelson.reference.platform.ratelimit;

import io.github.bucket4j.Bandwidth;

/**
 * A bucket of the rate limiter: its key in the {@link BucketStore} (such as {@code api:ip:203.0.113.7}), its limit,
 * and what a refusal says before "; try again in N s".
 */
public record RateBucket(String key, Bandwidth limit, String tooMany) {}
