/**
 * The service as a deployment sees it: several instances over one PostgreSQL and one Redis, and what happens when
 * Redis or PostgreSQL goes away or an instance is stopped under load. Each test starts its own instances
 * ({@link dev.keelson.reference.testing.ServiceInstance}).
 */
package dev.keelson.reference.faults;
