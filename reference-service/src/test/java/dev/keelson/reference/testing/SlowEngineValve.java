package dev.keelson.reference.testing;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Test only, on when {@code keelson.test.slow-valve=true}: a request carrying {@code X-Slow-Valve: MILLIS} waits that
 * long in a valve of Tomcat's engine, before it reaches any servlet, and {@link #entered()} opens once one is there.
 * It holds a request where Spring Boot's graceful shutdown does not see it.
 */
@Component
@ConditionalOnProperty("keelson.test.slow-valve")
public class SlowEngineValve extends ValveBase
        implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {
    private final CountDownLatch entered = new CountDownLatch(1);

    public SlowEngineValve() {
        super(true);
    }

    /** Opens when a slow request is inside the valve. */
    public CountDownLatch entered() {
        return entered;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addEngineValves(this);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String millis = request.getHeader("X-Slow-Valve");
        if (millis != null) {
            entered.countDown();
            try {
                Thread.sleep(Long.parseLong(millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        getNext().invoke(request, response);
    }
}
