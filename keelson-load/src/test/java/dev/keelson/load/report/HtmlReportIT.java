package dev.keelson.load.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.keelson.load.CapacitySearch;
import dev.keelson.load.Lateness;
import dev.keelson.load.LoadResult;
import dev.keelson.load.LoadTest;
import dev.keelson.load.Model;
import dev.keelson.load.Scenario;
import dev.keelson.load.ServerMetrics;
import dev.keelson.load.Step;
import dev.keelson.load.TargetServerAccess;
import dev.keelson.load.Threshold;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders a real run's HTML report in headless Chromium and checks the screenshot for drawn chart series. */
class HtmlReportIT {
    @TempDir
    Path dir;

    @Test
    void theChartsRenderInHeadlessChromium() throws Exception {
        String chromium = chromium();
        LoadResult result;
        try (var server = TargetServerAccess.start()) {
            result = LoadTest.configure()
                    .url(server.url("/json"))
                    .rate(300)
                    .users(10)
                    .duration(Duration.ofSeconds(3))
                    .threshold("p99<1s")
                    .build()
                    .run();
        }
        Path html = Files.writeString(dir.resolve("report.html"), HtmlReport.render(result));
        BufferedImage png = screenshot(chromium, html, 1800);

        // every series colour is drawn as a line, not only as its 12x12 legend swatch (144 pixels)
        for (String colour :
                List.of(HtmlReport.BLUE, HtmlReport.GREEN, HtmlReport.AMBER, HtmlReport.RED, HtmlReport.PURPLE)) {
            assertThat(pixels(png, colour, 0, png.getHeight()))
                    .as("pixels of %s", colour)
                    .isGreaterThan(144 + 300);
        }
        // blue is drawn in two charts: requests/s near the top, the percentile spectrum below the latency chart
        assertThat(pixels(png, HtmlReport.BLUE, 0, 900)).as("requests/s line").isGreaterThan(144 + 300);
        assertThat(pixels(png, HtmlReport.BLUE, 900, png.getHeight()))
                .as("spectrum line")
                .isGreaterThan(144 + 300);
    }

    @Test
    void aScenariosStepsGetTheirOwnChartsReadableOnAShortRun() throws Exception {
        String chromium = chromium();
        LoadResult result;
        try (var server = TargetServerAccess.start()) {
            var steps = List.of(
                    new Step("login", "GET", "/slow?ms=5", Map.of(), null, 0, Map.of(), null),
                    new Step("list", "GET", "/json", Map.of(), null, 0, Map.of(), null));
            result = LoadTest.configure()
                    .scenario(new Scenario(URI.create(server.url("")), steps, null))
                    .users(4)
                    .duration(Duration.ofSeconds(2))
                    .build()
                    .run();
        }
        String page = HtmlReport.render(result);
        Path html = Files.writeString(dir.resolve("report.html"), page);
        BufferedImage png = screenshot(chromium, html, 3200);

        assertThat(page)
                .contains("<table class=\"steps\">")
                .contains("Step login: latency over time")
                .contains("Step list: latency over time")
                .contains("Response-time distribution");
        // p50 is drawn in three latency charts (the run's and each step's), each line longer than its legend swatch
        assertThat(pixels(png, HtmlReport.GREEN, 0, png.getHeight())).isGreaterThan(3 * (144 + 300));
    }

    private String chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (new File(candidate).canExecute()) return candidate;
        }
        if ("true".equals(System.getenv("CI")))
            fail("CI=true but Chromium is not installed: apt-get install -y chromium");
        System.out.println("HtmlReportIT skipped: no Chromium (apt-get install -y chromium)");
        Assumptions.abort("no Chromium");
        return null;
    }

    /**
     * An open-model result at {@code rate} whose latency grows with it and whose throughput flattens above 400/s, as
     * a server near saturation gives.
     */
    private static LoadResult atRate(double rate, List<Threshold> slos) {
        long answered = (long) (10 * (rate <= 400 ? rate : 400 + (rate - 400) / 2));
        Histogram h = new Histogram(3_600_000_000L, 3);
        long p50 = (long) (2_000 + rate * rate / 20), p99 = 4 * p50;
        h.recordValueWithCount(p50, 980);
        h.recordValueWithCount(p99, 20);
        LoadResult r = new LoadResult(
                "http://127.0.0.1:8080/api",
                Model.OPEN,
                50,
                rate,
                Instant.parse("2026-12-07T06:00:00Z"),
                Duration.ofSeconds(10),
                answered,
                0,
                0,
                h,
                new TreeMap<>(Map.of(200, answered)),
                Map.of(),
                Lateness.NONE,
                List.of(),
                List.of());
        return r.withThresholds(slos);
    }

    @Test
    void aCapacitySearchDrawsThroughputAndLatencyAgainstTheOfferedRateWithTheSloLine() throws Exception {
        String chromium = chromium();
        List<Threshold> slos = List.of(Threshold.parse("p99<250ms"));
        CapacitySearch search = CapacitySearch.run(
                new CapacitySearch.Plan(50, 2, 10_000, Duration.ZERO, Duration.ofSeconds(10), 0.05, 12),
                slos,
                rate -> atRate(rate, slos),
                s -> {});
        // p99 = 4 x (2 ms + rate^2/20 us) reaches 250 ms at 1100/s: steps to 1600, then bisection
        assertThat(search.capacity()).isBetween(1000.0, 1150.0);
        assertThat(search.knee()).isEqualTo(400);

        Path html = Files.writeString(dir.resolve("capacity.html"), CapacityReport.html(search));
        BufferedImage png = screenshot(chromium, html, 1400);

        for (String colour : List.of(HtmlReport.BLUE, HtmlReport.AMBER, HtmlReport.RED, HtmlReport.CYAN)) {
            assertThat(pixels(png, colour, 0, png.getHeight()))
                    .as("pixels of %s", colour)
                    .isGreaterThan(144 + 300);
        }
    }

    @Test
    void theServersMetricsAreDrawnBesideTheLatency() throws Exception {
        String chromium = chromium();
        List<ServerMetrics.Point> cpu = new java.util.ArrayList<>();
        for (int second = 0; second <= 10; second++) cpu.add(new ServerMetrics.Point(second, 0.1 + second * 0.05));
        LoadResult r = atRate(300, List.of())
                .withServer(new ServerMetrics(
                        "http://127.0.0.1:8080/actuator/prometheus",
                        11,
                        1,
                        List.of(new ServerMetrics.Series("process CPU", "process_cpu_usage", "gauge", "ratio", cpu)),
                        List.of("1 of 11 scrapes failed: no answer within 900ms")));

        String page = HtmlReport.render(r);
        assertThat(page).contains("Server: process CPU (process_cpu_usage, gauge)", "1 of 11 scrapes failed");
        BufferedImage png = screenshot(chromium, Files.writeString(dir.resolve("server.html"), page), 1800);

        assertThat(pixels(png, HtmlReport.CYAN, 0, png.getHeight()))
                .as("pixels of the server series")
                .isGreaterThan(144 + 300);
    }

    private BufferedImage screenshot(String chromium, Path html, int height) throws Exception {
        Path png = dir.resolve("report.png");
        Process process = new ProcessBuilder(
                        chromium,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--user-data-dir=" + dir.resolve("profile"),
                        "--screenshot=" + png,
                        "--window-size=1200," + height,
                        html.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish in 90 s: " + Files.readString(dir.resolve("chromium.log")));
        }
        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).exists();
        return ImageIO.read(png.toFile());
    }

    private static boolean matches(int rgb, String colour) {
        int want = Integer.parseInt(colour.substring(1), 16);
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((want >> shift) & 0xff)) > 10) return false;
        }
        return true;
    }

    private static long pixels(BufferedImage png, String colour, int fromRow, int toRow) {
        long n = 0;
        for (int y = fromRow; y < Math.min(toRow, png.getHeight()); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                if (matches(png.getRGB(x, y), colour)) n++;
            }
        }
        return n;
    }
}
