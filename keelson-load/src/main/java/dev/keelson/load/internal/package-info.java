/**
 * The load engine's internals: event loops and connections ({@code Engine}, {@code Worker}, {@code Connection}),
 * minimal HTTP/1.1 response parsing, the open model's schedule, per-loop meters and the per-second sampler.
 * Not API: only {@code dev.keelson.load} is.
 */
package dev.keelson.load.internal;
