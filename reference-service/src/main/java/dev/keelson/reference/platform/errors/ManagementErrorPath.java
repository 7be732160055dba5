package dev.keelson.reference.platform.errors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The error path of a separate management port ({@code management.server.port}), as {@link ErrorPages} keeps the
 * API's: Spring Boot's management context maps an error endpoint of its own there, which answers a client calling it
 * directly with 200 and an empty error document. Only the container's error dispatches are for it; a direct call, by
 * any spelling Spring MVC would route to it, gets the 404 of an unknown path on that port. Registered for the
 * management child context only ({@code META-INF/spring/…ManagementContextConfiguration.imports}).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementErrorPath {

    @Bean
    FilterRegistrationBean<DirectErrorCalls> managementDirectErrorCalls(
            @Value("${server.error.path:/error}") String errorPath, ApplicationContext context) {
        var registration = new FilterRegistrationBean<>(new DirectErrorCalls(errorPath));
        // component scanning finds this class in the application's own context too, whose error path ErrorPages
        // keeps: the filter acts on the management server only
        registration.setEnabled(WebServerApplicationContext.hasServerNamespace(context, "management"));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // after the security chain, which may first ask for a token there as it does for any other path
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /** Answers a request (not an error dispatch) whose path the error endpoint's mapping matches with a 404. */
    static final class DirectErrorCalls extends OncePerRequestFilter {
        private final PathPattern errorPath;

        DirectErrorCalls(String errorPath) {
            this.errorPath = PathPatternParser.defaultInstance.parse(errorPath);
        }

        /** The container's error dispatches (and forwards, includes) are what the error endpoint is for. */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getDispatcherType() != DispatcherType.REQUEST;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
            if (errorPath.matches(path.pathWithinApplication())) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
