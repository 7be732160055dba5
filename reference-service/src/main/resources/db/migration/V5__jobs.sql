-- Background jobs on db-scheduler (https://github.com/kagkarlsson/db-scheduler): its one table, as the library
-- defines it for PostgreSQL. Executions are claimed with an optimistic version check, so several instances polling
-- the same table run each job once.
CREATE TABLE scheduled_tasks (
    task_name            text        NOT NULL,
    task_instance        text        NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean     NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint      NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- keelson:begin auth

-- Jobs that failed every attempt: kept for an operator to look at (and re-run), never retried by themselves.
CREATE TABLE job_dead_letters (
    id            uuid        PRIMARY KEY,
    task_name     text        NOT NULL,
    task_instance text        NOT NULL,
    attempts      integer     NOT NULL,
    last_error    text,
    failed_at     timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_dead_letters_task_idx ON job_dead_letters (task_name, failed_at);

-- Emails the old relay had not sent yet become send-email jobs (the job reads the email from outbox_emails).
INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
SELECT 'send-email', id::text, now(), false, 1 FROM outbox_emails WHERE sent_at IS NULL;
-- keelson:end auth
