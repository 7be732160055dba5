package dev.keelson.reference.platform.errors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error answer is an RFC 9457 problem document, whoever produces it: Spring MVC ({@code ProblemHandler}), the
 * servlet container's error page {@code /error} (errors raised outside Spring MVC, such as Tomcat's 405 for
 * {@code TRACE} or a filter's {@code sendError}) answered here in place of Spring Boot's JSON, and Tomcat's connector
 * ({@link ProblemReportValve} in place of Tomcat's HTML page). None names the server or its version. The error page
 * answers the container's error dispatches only: a client that calls {@code /error} itself, by any method, gets the
 * 404 an unknown path gets (never a 500 for a request without an error to report).
 */
@Controller
class ErrorPages implements ErrorController, WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
    private final Problems problems;
    private final String resourcePath;

    ErrorPages(Problems problems, @Value("${server.error.path:/error}") String errorPath) {
        this.problems = problems;
        this.resourcePath = errorPath.startsWith("/") ? errorPath.substring(1) : errorPath;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) throws NoResourceFoundException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // what the static resource handler answers for an unknown path, by way of ProblemHandler
            throw new NoResourceFoundException(
                    HttpMethod.valueOf(request.getMethod()), request.getRequestURI(), resourcePath);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer n && n >= 400 ? n : HttpStatus.INTERNAL_SERVER_ERROR.value();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            problem.setInstance(Problems.instance(path));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.decorate(problem, request));
    }

    /**
     * {@code OPTIONS}, which Spring MVC answers itself ({@code 200} and {@code Allow}) for a mapping that names no
     * methods: here it is the 404 of an unknown path too, or the error of an {@code OPTIONS} request.
     */
    @RequestMapping(path = "${server.error.path:/error}", method = RequestMethod.OPTIONS)
    ResponseEntity<ProblemDetail> options(HttpServletRequest request) throws NoResourceFoundException {
        return error(request);
    }

    /** Replaces the error report valve Spring Boot or Tomcat would put on the host with {@link ProblemReportValve}. */
    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                Pipeline pipeline = host.getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** After Spring Boot's own customizer, which adds its error report valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
