/**
 * Periodic housekeeping: the purge of {@link dev.keelson.reference.platform.scheduling.ExpiredRows} tables, and the
 * plain per-instance schedule that runs it in a service without background jobs.
 */
package dev.keelson.reference.platform.scheduling;
