package dev.keelson.reference.platform.http;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Closes a gap in graceful shutdown: Spring Boot waits for requests that reached a servlet, so a request Tomcat
 * handed to the container just before its connector paused, but that had not reached the servlet yet when Spring Boot
 * looked, was cut off when the server stopped — after the application had begun to handle it. This counts every
 * request from the first valve of Tomcat's engine and, between the graceful shutdown phase and the server's stop,
 * waits until none is left (and none arrived for a short while), at most {@link #MAX_WAIT}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // its valve is the engine's first: every valve after it is counted
class InFlightRequests implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, SmartLifecycle {
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** How long the count must stay at zero: covers a request between the connector's pause check and this valve. */
    private static final Duration QUIET = Duration.ofMillis(100);

    private static final long POLL_MILLIS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(InFlightRequests.class);

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addEngineValves(new Counter(inFlight));
    }

    /** Requests inside the container now. */
    int count() {
        return inFlight.get();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        int atStart = inFlight.get();
        long began = System.nanoTime();
        awaitQuiet();
        LOG.info(
                "Shutdown waited {} ms for requests inside the container ({} at the start, {} left)",
                Duration.ofNanos(System.nanoTime() - began).toMillis(),
                atStart,
                inFlight.get());
    }

    private void awaitQuiet() {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - quietSince < QUIET.toNanos()) {
            if (inFlight.get() > 0) {
                quietSince = System.nanoTime();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after Spring Boot's graceful shutdown (which pauses the connectors) and before the server stops. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE - 512; // START_STOP_LIFECYCLE_PHASE is 1024 below
    }

    /** The first valve of the engine: counts the requests inside the container. */
    private static final class Counter extends ValveBase {
        private static final Logger LOG = LoggerFactory.getLogger(InFlightRequests.class);

        private final AtomicInteger inFlight;

        Counter(AtomicInteger inFlight) {
            super(true);
            this.inFlight = inFlight;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            inFlight.incrementAndGet();
            try {
                getNext().invoke(request, response);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }
}
