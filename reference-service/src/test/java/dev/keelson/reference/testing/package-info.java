/**
 * Test harness: a fresh PostgreSQL database per Spring context, an HTTP client for the running service, and raw
 * HTTP/1.1 on a socket ({@link dev.keelson.reference.testing.RawHttp}) for requests no client would send.
 */
package dev.keelson.reference.testing;
