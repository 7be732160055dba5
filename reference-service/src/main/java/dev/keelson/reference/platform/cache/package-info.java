/**
 * The read cache of hot single reads (an order by id, the signed-in user): read-through, invalidated explicitly by
 * every write, in this instance's memory ({@link dev.keelson.reference.platform.cache.LocalCache}) or, when Redis is
 * configured, in Redis for every instance. HTTP caching of {@code GET}s ({@code ETag}, {@code If-None-Match} with
 * 304, {@code Cache-Control}) is set up here too.
 */
package dev.keelson.reference.platform.cache;
