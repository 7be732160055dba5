/**
 * The HTTP load engine's public API. {@link dev.keelson.load.LoadTest#configure()} is the entry point: it validates
 * the settings once into a frozen {@link dev.keelson.load.LoadConfig}, and {@code run()} returns a
 * {@link dev.keelson.load.LoadResult}. Failures the caller can cause are {@link dev.keelson.load.LoadException}s with
 * a stable {@link dev.keelson.load.LoadErrorCode}; failures of single requests are counted by
 * {@link dev.keelson.load.ErrorKind}, never thrown. Reports live in {@code dev.keelson.load.report}, the engine in
 * {@code dev.keelson.load.internal}.
 */
package dev.keelson.load;
