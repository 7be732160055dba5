/**
 * Traces, metrics and log lines: the observation set-up (OpenTelemetry export, what is observed) and the writer of
 * the console's JSON lines ({@link dev.keelson.reference.platform.observability.EcsFormatter}).
 */
package dev.keelson.reference.platform.observability;
