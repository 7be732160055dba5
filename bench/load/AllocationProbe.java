import com.sun.management.ThreadMXBean;
import dev.keelson.load.LoadListener;
import dev.keelson.load.LoadResult;
import dev.keelson.load.LoadTest;
import dev.keelson.load.TimelineSecond;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Measures what the load engine's event loop allocates per request in steady state: a closed-model run on one
 * event loop, sampling the loop thread's allocated bytes (ThreadMXBean) once a second, and dividing the growth
 * between second 3 and the last full second by the responses in between.
 *
 * Run (after the CLI is built): java -cp "keelson-cli/target/lib/*" bench/load/AllocationProbe.java URL [users] [seconds]
 */
public class AllocationProbe {
    public static void main(String[] args) {
        String url = args[0];
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] first = new long[2], last = new long[2];
        LoadListener probe = new LoadListener() {
            long requests;

            @Override
            public void onSecond(TimelineSecond s) {
                requests += s.requests();
                long bytes = loopBytes(threads);
                if (s.second() == 2) {
                    first[0] = requests;
                    first[1] = bytes;
                }
                if (s.second() == seconds - 2) {
                    last[0] = requests;
                    last[1] = bytes;
                }
            }
        };
        LoadResult result = LoadTest.configure().url(url).users(users).threads(1)
                .duration(Duration.ofSeconds(seconds)).listener(probe).build().run();
        long requests = last[0] - first[0];
        long bytes = last[1] - first[1];
        System.out.printf(Locale.ROOT, "%d responses (%.0f/s); event loop allocated %d bytes over %d steady-state responses"
                + " = %.2f bytes/request%n", result.requests(), result.requestsPerSecond(), bytes, requests,
                (double) bytes / Math.max(1, requests));
    }

    /** Bytes allocated so far by the load engine's event-loop threads. */
    static long loopBytes(ThreadMXBean threads) {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("keelson-loop")) sum += threads.getThreadAllocatedBytes(t.threadId());
        }
        return sum;
    }
}
