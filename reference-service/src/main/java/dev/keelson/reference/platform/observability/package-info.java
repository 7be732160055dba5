/**
 * Traces and metrics: the observation set-up (OpenTelemetry export, what is observed).
 */
package dev.keelson.reference.platform.observability;
