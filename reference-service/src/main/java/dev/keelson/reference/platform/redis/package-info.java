/**
 * Redis, optional: active only when {@code spring.data.redis.url} ({@code SPRING_DATA_REDIS_URL}) is set. Then the
 * rate-limit buckets and the read cache are shared by every instance through one Lettuce connection
 * ({@link dev.keelson.reference.platform.redis.SharedRedis}). Redis is never the system of record: while it is
 * unreachable every feature falls back (per-instance buckets, reads from PostgreSQL) and readiness reports
 * {@code DEGRADED} without taking the instance out of service. Deleting this package leaves a working
 * single-instance service.
 */
package dev.keelson.reference.platform.redis;
