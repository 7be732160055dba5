/**
 * Rate limits: token buckets (bucket4j) per client of the API (per client address, or per user once signed in).
 * A feature adds buckets of its own ({@link dev.keelson.reference.platform.ratelimit.RateLimitRule}: sign-in has a
 * strict one per client address).
 * The buckets live in this instance's memory ({@link dev.keelson.reference.platform.ratelimit.LocalBucketStore})
 * unless another {@link dev.keelson.reference.platform.ratelimit.BucketStore} is configured.
 * A shared store (Redis, in a project that has it) shares them with every instance when it is configured.
 */
package dev.keelson.reference.platform.ratelimit;
