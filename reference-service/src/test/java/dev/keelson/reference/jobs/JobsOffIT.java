package dev.keelson.reference.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.keelson.reference.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** The jobs switch: {@code db-scheduler.enabled=false} leaves the service without a scheduler. */
@TestPropertySource(properties = "db-scheduler.enabled=false")
class JobsOffIT extends ServiceTest {
    @Autowired
    private ApplicationContext context;

    @Test
    void withDbSchedulerOffNoSchedulerRuns() {
        assertThat(context.getBeanNamesForType(Scheduler.class)).isEmpty();
    }
}
