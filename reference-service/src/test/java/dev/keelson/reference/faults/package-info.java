/**
 * The service as a deployment sees it: instances over one PostgreSQL, and what happens when PostgreSQL goes away or
 * an instance is stopped under load.
 * Several instances share one Redis too (in a project with Redis), which may go away as well.
 * Each test starts its own instances ({@link dev.keelson.reference.testing.ServiceInstance}).
 */
package dev.keelson.reference.faults;
