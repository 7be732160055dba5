package bench;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.DefaultSecurityFilterChain;

/**
 * bench/reference-service/features.sh's switches: added to the reference service with
 * {@code --spring.main.sources=bench.FeaturesOff}, it lets the bench turn production features off and on again in a
 * running, warmed-up service, so that "all on" and "X off" are measured in the same JVM, alternating (a fresh JVM per
 * configuration varies by more than one filter costs). The service itself has no such switch: its features stay on in
 * every start but this bench's, and in this bench's until it asks.
 *
 * <p>The bench writes {@code <seq> <feature>...} (the features to turn off, none for all on) to the file named by
 * {@code bench.control}; a daemon thread reads it every 20 ms and, when {@code seq} changes, applies it and writes
 * {@code <seq> <feature>=<requests that bypassed it under the previous setting>...} to {@code bench.control.ack}: the
 * bench waits for that line, and a feature that was off for a round but bypassed no request did not switch.
 *
 * <p>Features: a servlet filter named in {@link #FILTERS} (off: the request passes it by); {@code security} (off: the
 * whole Spring Security filter chain is passed by, and the authentication the token check made for the bench's
 * caller is put in the security context instead); {@code token-check} (off: only the bearer token filter is passed by,
 * with that same authentication put in its place); {@code metrics} (off: the {@code http.server.requests}
 * observation is a no-op, as {@code management.observations.enable.http.server.requests=false} makes it).
 */
@Configuration(proxyBeanMethods = false)
public class FeaturesOff {
    private static final Logger log = LoggerFactory.getLogger(FeaturesOff.class);

    /** The filter beans that can be switched off, by bean name, and the feature name the bench uses. */
    static final Map<String, String> FILTERS = Map.of(
            "accessLogFilter", "access-log",
            "requestIdFilter", "request-id",
            "rateLimitFilter", "rate-limit",
            "idempotencyFilter", "idempotency",
            "bodySizeLimitFilter", "body-limit",
            "pathFirewall", "path-firewall",
            "springSecurityFilterChain", "security");

    static final Map<String, LongAdder> BYPASSED = new ConcurrentHashMap<>();
    static volatile Set<String> off = Set.of();
    static volatile Authentication caller;

    static boolean isOff(String feature) {
        if (off.contains(feature)) {
            BYPASSED.computeIfAbsent(feature, f -> new LongAdder()).increment();
            return true;
        }
        return false;
    }

    @Bean
    static BeanPostProcessor benchSwitches() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DefaultSecurityFilterChain chain) {
                    List<Filter> filters = chain.getFilters();
                    for (int i = 0; i < filters.size(); i++) {
                        if (filters.get(i) instanceof BearerTokenAuthenticationFilter tokens) {
                            filters.set(i, new TokenSwitch(tokens));
                            log.warn("bench: the token check can be switched off (feature token-check)");
                        }
                    }
                } else if (bean instanceof Filter filter && FILTERS.containsKey(name)) {
                    log.warn("bench: the filter {} ({}) can be switched off (feature {})", name,
                            bean.getClass().getName(), FILTERS.get(name));
                    return name.equals("springSecurityFilterChain")
                            ? new SecuritySwitch(filter)
                            : new Switch(FILTERS.get(name), filter);
                }
                return bean;
            }
        };
    }

    @Bean
    static ObservationPredicate benchMetricsSwitch() {
        return (name, context) -> !("http.server.requests".equals(name) && isOff("metrics"));
    }

    @Bean
    static Object benchControl(Environment environment) {
        String control = environment.getProperty("bench.control");
        if (control != null) {
            Thread.ofPlatform().daemon().name("bench-control").start(() -> follow(Path.of(control)));
        }
        return new Object();
    }

    private static void follow(Path control) {
        Path ack = Path.of(control + ".ack");
        String seq = null;
        while (true) {
            try {
                Thread.sleep(20);
                if (!Files.exists(control)) {
                    continue;
                }
                String[] words = Files.readString(control).trim().split("\\s+");
                if (words.length == 0 || words[0].isEmpty() || words[0].equals(seq)) {
                    continue;
                }
                List<String> counts = new ArrayList<>();
                for (String feature : off) {
                    LongAdder n = BYPASSED.get(feature);
                    counts.add(feature + "=" + (n == null ? 0 : n.sum()));
                }
                BYPASSED.clear();
                off = Set.copyOf(Arrays.asList(words).subList(1, words.length));
                seq = words[0];
                Path tmp = Path.of(ack + ".tmp");
                Files.writeString(tmp, seq + " " + String.join(" ", counts) + "\n");
                Files.move(tmp, ack, StandardCopyOption.ATOMIC_MOVE);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("bench: cannot follow {}: {}", control, e.toString());
            }
        }
    }

    /** A servlet filter that is passed by while its feature is off; it keeps the real filter's order. */
    static class Switch implements Filter, Ordered {
        final String feature;
        final Filter real;

        Switch(String feature, Filter real) {
            this.feature = feature;
            this.real = real;
        }

        @Override
        public void init(FilterConfig config) throws ServletException {
            real.init(config);
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (isOff(feature)) {
                chain.doFilter(request, response);
            } else {
                real.doFilter(request, response, chain);
            }
        }

        @Override
        public void destroy() {
            real.destroy();
        }

        @Override
        public int getOrder() {
            return real instanceof Ordered ordered
                    ? ordered.getOrder()
                    : OrderUtils.getOrder(real.getClass(), Ordered.LOWEST_PRECEDENCE);
        }
    }

    /** The whole security chain: off, the caller the token check authenticated is put in the context instead. */
    static final class SecuritySwitch extends Switch {
        SecuritySwitch(Filter real) {
            super("security", real);
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            Authentication known = caller;
            if (known == null || !isOff(feature)) {
                real.doFilter(request, response, chain);
                return;
            }
            SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            context.setAuthentication(known);
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.getContextHolderStrategy().clearContext();
            }
        }
    }

    /** The bearer token filter: on, it remembers the first caller it authenticated; off, it puts that caller in. */
    static final class TokenSwitch implements Filter {
        private final Filter real;

        TokenSwitch(Filter real) {
            this.real = real;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            Authentication known = caller;
            if (known != null && isOff("token-check")) {
                SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                context.setAuthentication(known);
                SecurityContextHolder.getContextHolderStrategy().setContext(context);
                chain.doFilter(request, response);
            } else if (known == null) {
                real.doFilter(request, response, (rq, rs) -> {
                    Authentication made = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
                    if (made != null && made.isAuthenticated() && !(made instanceof AnonymousAuthenticationToken)) {
                        caller = made;
                    }
                    chain.doFilter(rq, rs);
                });
            } else {
                real.doFilter(request, response, chain);
            }
        }
    }
}
