/** Test harness: a fresh PostgreSQL database per Spring context, and an HTTP client for the running service. */
package dev.keelson.reference.testing;
