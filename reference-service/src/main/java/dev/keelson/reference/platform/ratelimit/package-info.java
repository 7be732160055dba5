/**
 * Rate limits: token buckets (bucket4j) per client of the API (per client address, or per user once signed in).
 * The sign-in endpoints ({@code /api/v1/auth/**}) have their own strict bucket per client address. // keelson:auth
 * The buckets live in this instance's memory ({@link dev.keelson.reference.platform.ratelimit.LocalBucketStore})
 * unless another {@link dev.keelson.reference.platform.ratelimit.BucketStore} is configured.
 * Redis shares them with every instance when it is configured. // keelson:redis
 */
package dev.keelson.reference.platform.ratelimit;
