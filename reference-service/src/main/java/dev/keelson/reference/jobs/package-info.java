/**
 * Background jobs on PostgreSQL with db-scheduler: one table ({@code scheduled_tasks}), safe with many instances
 * (each execution is claimed with an optimistic version check, so it runs once however many instances poll), jobs
 * scheduled in the transaction of the change that causes them. Handlers are idempotent: a job that runs again
 * (after a crash mid-run, detected by its missed heartbeats) finds its work done and does nothing.
 * A failed email job is retried with exponential back-off; after {@code reference.jobs.max-attempts} runs it // keelson:auth
 * moves to {@code job_dead_letters}. // keelson:auth
 *
 * <p>Jobs: {@code purge-expired} (recurring: deletes expired rows, such as old idempotency records).
 * And {@code send-email}: one per email in {@code outbox_emails}. // keelson:auth
 */
package dev.keelson.reference.jobs;
