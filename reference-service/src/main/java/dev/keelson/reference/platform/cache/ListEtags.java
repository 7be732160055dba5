package dev.keelson.reference.platform.cache;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * {@code ETag}s for the list endpoints, whose pages have no version of their own: a hash of the body (Spring's
 * {@link ShallowEtagHeaderFilter}), answering 304 to a matching {@code If-None-Match}. Single resources set their
 * {@code ETag} from their version instead and do not pay for buffering the body.
 */
@Configuration(proxyBeanMethods = false)
class ListEtags {
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> listEtagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/orders");
        registration.addUrlPatterns("/api/v1/users"); // keelson:auth
        return registration;
    }
}
