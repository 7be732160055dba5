package dev.keelson.reference.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import dev.keelson.reference.platform.database.IdGenerator;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code job_dead_letters} table: jobs that failed every attempt, for an operator to look at. */
@Repository
class DeadLetters {
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final IdGenerator ids;

    DeadLetters(JdbcClient jdbc, IdGenerator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** Records the last failed run of a job. */
    void record(ExecutionComplete failed) {
        String error = failed.getCause().map(DeadLetters::describe).orElse(null);
        jdbc.sql("INSERT INTO job_dead_letters (id, task_name, task_instance, attempts, last_error, failed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        ids.next(),
                        failed.getExecution().getTaskName(),
                        failed.getExecution().getId(),
                        failed.getExecution().consecutiveFailures + 1,
                        error,
                        failed.getTimeDone().atOffset(ZoneOffset.UTC))
                .update();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM job_dead_letters")
                .query(Long.class)
                .single();
    }

    /** The chain of exception types only: messages can echo job data (an email body holds a token). */
    private static String describe(Throwable cause) {
        StringBuilder types = new StringBuilder(cause.getClass().getName());
        for (Throwable c = cause.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            types.append(" <- ").append(c.getClass().getName());
        }
        return types.length() <= MAX_ERROR_LENGTH ? types.toString() : types.substring(0, MAX_ERROR_LENGTH);
    }
}
