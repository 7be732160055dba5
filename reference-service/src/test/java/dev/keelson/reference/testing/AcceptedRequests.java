package dev.keelson.reference.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test only, on when {@code keelson.test.record-accepted=true}: remembers the {@code X-Request-Id} of every request
 * the application began to handle (the first filter), and counts them all, so a test can check that each of them was
 * answered.
 */
@Component
@ConditionalOnProperty("keelson.test.record-accepted")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AcceptedRequests extends OncePerRequestFilter {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicLong count = new AtomicLong();

    /** The request ids accepted so far (a live view). */
    public Set<String> ids() {
        return ids;
    }

    /** How many requests were accepted so far, with or without a request id. */
    public long count() {
        return count.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        count.incrementAndGet();
        String id = request.getHeader("X-Request-Id");
        if (id != null) {
            ids.add(id);
        }
        chain.doFilter(request, response);
    }
}
