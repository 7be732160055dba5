import dev.keelson.load.LoadListener;
import dev.keelson.load.LoadResult;
import dev.keelson.load.LoadTest;
import dev.keelson.load.TimelineSecond;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * Measures the load engine's event-loop CPU time per response in steady state (seconds 2 to 7 of a 9 s closed-model
 * run, 50 connections, one loop). Unlike requests/s it hardly moves when other work shares the machine, so it can
 * compare two builds on a busy host.
 *
 * Run (after the CLI is built): java -cp "keelson-cli/target/lib/*" bench/load/CpuProbe.java URL
 */
public class CpuProbe {
    public static void main(String[] args) {
        String url = args[0];
        int seconds = 9;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] first = new long[2], last = new long[2];
        LoadListener probe = new LoadListener() {
            long requests;
            @Override
            public void onSecond(TimelineSecond s) {
                requests += s.requests();
                long cpu = 0;
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().startsWith("keelson-loop")) cpu += threads.getThreadCpuTime(t.threadId());
                }
                if (s.second() == 2) { first[0] = requests; first[1] = cpu; }
                if (s.second() == seconds - 2) { last[0] = requests; last[1] = cpu; }
            }
        };
        LoadResult r = LoadTest.configure().url(url).users(50).threads(1).duration(Duration.ofSeconds(seconds))
                .listener(probe).build().run();
        long n = last[0] - first[0];
        System.out.printf(Locale.ROOT, "%.0f/s  loop CPU %.0f ns/response over %d%n", r.requestsPerSecond(),
                (double) (last[1] - first[1]) / Math.max(1, n), n);
    }
}
