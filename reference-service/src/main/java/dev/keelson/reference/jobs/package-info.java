/**
 * Background jobs on PostgreSQL with db-scheduler: one table ({@code scheduled_tasks}), safe with many instances
 * (each execution is claimed with an optimistic version check, so it runs once however many instances poll), jobs
 * scheduled in the transaction of the change that causes them. Handlers are idempotent: a job that runs again
 * (after a crash mid-run, detected by its missed heartbeats) finds its work done and does nothing.
 * Features add jobs of their own, with their retry policy (sign-in's emails: {@code EmailJobs}).
 *
 * <p>Jobs: {@code purge-expired} (recurring: deletes expired rows, such as old idempotency records).
 */
package dev.keelson.reference.jobs;
