/**
 * Rate limits: token buckets (bucket4j) per client, one for the sign-in endpoints ({@code /api/v1/auth/**}, per
 * client address) and one for the rest of the API (per user, or per address before sign-in). The buckets live in
 * this instance's memory ({@link dev.keelson.reference.platform.ratelimit.LocalBucketStore}) unless another
 * {@link dev.keelson.reference.platform.ratelimit.BucketStore} is configured (Redis, shared by every instance).
 */
package dev.keelson.reference.platform.ratelimit;
