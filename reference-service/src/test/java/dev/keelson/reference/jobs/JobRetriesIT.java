package dev.keelson.reference.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Accounts;
import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An instance whose SMTP server never answers (a closed port), so every email job fails. */
class JobRetriesIT {

    @Test
    void aFailingJobIsRetriedWithGrowingWaitsThenMovesToTheDeadLetters() {
        TestPostgres.Database db = TestPostgres.create();
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        try (ServiceInstance instance = ServiceInstance.start(
                db,
                "--spring.mail.port=" + closedPort(),
                "--reference.jobs.max-attempts=3",
                "--reference.jobs.first-retry-after=5s",
                "--reference.jobs.backoff-factor=3")) {
            Accounts.newUnverifiedUser(instance.api()); // queues the verification email

            // long waits, so that this poll sees each state even on a loaded machine
            assertThat(waitAfterFailure(jdbc, 1)).isBetween(Duration.ofMillis(4900), Duration.ofMillis(5100));
            assertThat(waitAfterFailure(jdbc, 2)).isBetween(Duration.ofMillis(14900), Duration.ofMillis(15100));
            Await.until(
                    "the job is dead-lettered",
                    Duration.ofSeconds(60),
                    () -> jdbc.sql("SELECT count(*) FROM job_dead_letters")
                                    .query(Long.class)
                                    .single()
                            == 1);

            Map<String, Object> dead = jdbc.sql("SELECT task_name, attempts, last_error FROM job_dead_letters")
                    .query()
                    .singleRow();
            assertThat(dead.get("task_name")).isEqualTo("send-email");
            assertThat(dead.get("attempts")).isEqualTo(3);
            assertThat((String) dead.get("last_error")).contains("MailSendException");
            assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'send-email'")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("SELECT attempts FROM outbox_emails")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(3);
            assertThat(instance.api().get("/prometheus").send().body().lines())
                    .anyMatch(line -> line.startsWith("jobs_dead_letters") && line.endsWith(" 1.0"));
        } finally {
            db.drop();
        }
    }

    /** After the {@code failures}-th failure of the email job: how long until its next run. */
    private static Duration waitAfterFailure(JdbcClient jdbc, int failures) {
        Await.until(
                "failure " + failures + " of the job",
                Duration.ofSeconds(30),
                () -> jdbc.sql(
                                        "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'send-email' AND consecutive_failures = ?")
                                .param(failures)
                                .query(Long.class)
                                .single()
                        == 1);
        return jdbc.sql("SELECT last_failure, execution_time FROM scheduled_tasks WHERE task_name = 'send-email'")
                .query((rs, n) -> Duration.between(
                        rs.getObject("last_failure", OffsetDateTime.class).toInstant(),
                        rs.getObject("execution_time", OffsetDateTime.class).toInstant()))
                .single();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
