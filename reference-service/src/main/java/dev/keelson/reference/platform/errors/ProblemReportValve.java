package dev.keelson.reference.platform.errors;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for what never reaches Spring (a request line or header Tomcat cannot parse: 400, 414, 431,
 * 501, 505; an error while Spring's own error page renders) as a minimal RFC 9457 problem document instead of
 * Tomcat's HTML page with its version. It names the status only: the request was not understood, so nothing of it is
 * echoed. Installed on the host by {@link ErrorPages}; Tomcat creates it by its class name, hence public.
 */
public final class ProblemReportValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(document(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response was already sent: nothing left to report to
        }
    }

    /** {@code type}, {@code title} and {@code status}: fixed text, so no escaping is needed. */
    static String document(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String type = ErrorCode.forStatus(status).map(ErrorCode::type).orElse("about:blank");
        return "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status + "}";
    }
}
