package dev.keelson.reference.platform.caller;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@link Caller} parameter of controller methods, and the service without sign-in: every caller is
 * {@link Caller#ANYONE} and rows have no owner. Sign-in declares {@code @Primary} beans of both types that win.
 */
@Configuration(proxyBeanMethods = false)
class CallerConfiguration implements WebMvcConfigurer {
    private final Callers callers;

    CallerConfiguration(Callers callers) {
        this.callers = callers;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver(callers));
    }

    @Bean
    static Callers anyone() {
        return () -> Caller.ANYONE;
    }

    @Bean
    static Ownership noOwners() {
        return new Ownership() {
            @Override
            public String selectOwner() {
                return "CAST(NULL AS uuid) AS owner_id";
            }

            @Override
            public String ownerColumn() {
                return "";
            }

            @Override
            public String ownerValue() {
                return "";
            }

            @Override
            public String reachable() {
                return "TRUE";
            }
        };
    }
}
