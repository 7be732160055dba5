package bench;

import jakarta.servlet.Filter;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * bench/reference-service/features.sh's switch: added to the reference service with
 * {@code --spring.main.sources=bench.FeaturesOff}, it replaces each servlet filter bean named in {@code bench.off}
 * (comma-separated bean names, e.g. {@code accessLogFilter,rateLimitFilter}) by a filter that only passes the request
 * on, so that the service runs as if that feature's filter were not there. The service itself has no such switch: its
 * features stay on in every start but this bench's.
 */
@Configuration(proxyBeanMethods = false)
public class FeaturesOff {
    private static final Logger log = LoggerFactory.getLogger(FeaturesOff.class);

    @Bean
    static BeanPostProcessor benchFeaturesOff(Environment environment) {
        Set<String> off = Set.of(environment.getProperty("bench.off", "").split(","));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof Filter && off.contains(name)) {
                    log.warn("bench: the filter {} ({}) is off: a pass-through filter stands in for it", name,
                            bean.getClass().getName());
                    return (Filter) (request, response, chain) -> chain.doFilter(request, response);
                }
                return bean;
            }
        };
    }
}
