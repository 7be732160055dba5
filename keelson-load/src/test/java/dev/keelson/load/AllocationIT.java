package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The closed model's hot path allocates nothing per request: pre-encoded request, pooled buffers, no logging. */
class AllocationIT {
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void theEventLoopAllocatesNothingPerRequestInSteadyState() throws Exception {
        long[] at1s = new long[2];
        long[] at3s = new long[2];
        try (TargetServer server = TargetServer.http()) {
            LoadTest.configure()
                    .url(server.url("/json"))
                    .users(8)
                    .threads(1)
                    .duration(Duration.ofSeconds(4))
                    .listener(new LoadListener() {
                        long requests;

                        @Override
                        public void onSecond(TimelineSecond s) {
                            requests += s.requests();
                            if (s.second() == 0) at1s[0] = requests;
                            if (s.second() == 0) at1s[1] = loopBytes();
                            if (s.second() == 2) at3s[0] = requests;
                            if (s.second() == 2) at3s[1] = loopBytes();
                        }
                    })
                    .build()
                    .run();
        }
        long requests = at3s[0] - at1s[0];
        long bytes = at3s[1] - at1s[1];

        assertThat(requests).isGreaterThan(1000);
        // a handful of timer tasks (timeout sweeps) per second are fine; one object per request would be >= 16 bytes
        assertThat((double) bytes / requests)
                .as("%d bytes over %d requests", bytes, requests)
                .isLessThan(2.0);
    }

    private long loopBytes() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("keelson-loop")) sum += threads.getThreadAllocatedBytes(t.threadId());
        }
        return sum;
    }
}
