package dev.keelson.reference.platform.cache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * {@code ETag}s for the list endpoints, whose pages have no version of their own: a hash of the body (Spring's
 * {@link ShallowEtagHeaderFilter}), answering 304 to a matching {@code If-None-Match}. Single resources set their
 * {@code ETag} from their version instead and do not pay for buffering the body. Pages are sent with
 * {@code Cache-Control: no-store} (they are one user's data: no cache between may keep them), which Spring's filter
 * takes as "no ETag"; an API client can still keep a page itself and revalidate it, so the ETag is sent anyway. Each
 * resource names its list path with a {@link ListEndpoint} bean.
 */
@Configuration(proxyBeanMethods = false)
class ListEtags {
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> listEtagFilter(List<ListEndpoint> lists) {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new EvenWhenNotStored());
        lists.forEach(list -> registration.addUrlPatterns(list.path()));
        return registration;
    }

    /** Spring's filter, minus its refusal to tag responses marked {@code no-store}. */
    private static final class EvenWhenNotStored extends ShallowEtagHeaderFilter {
        @Override
        protected boolean isEligibleForEtag(
                HttpServletRequest request,
                HttpServletResponse response,
                int responseStatusCode,
                InputStream inputStream) {
            boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            return read && !response.isCommitted() && responseStatusCode >= 200 && responseStatusCode < 300;
        }
    }
}
