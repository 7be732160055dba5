/**
 * Test harness: a fresh PostgreSQL database per Spring context, an HTTP client for the running service, raw HTTP/1.1
 * on a socket ({@link dev.keelson.reference.testing.RawHttp}) for requests no client would send, and a port that
 * counts connections ({@link dev.keelson.reference.testing.ConnectionTrap}) to show a URL was never called.
 */
package dev.keelson.reference.testing;
