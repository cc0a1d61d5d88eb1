package io.filestore.sample.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's answer to an error that nothing else answered, as an RFC 9457 problem instead of its HTML page.
 * Tomcat refuses some requests before any servlet sees them: an encoded {@code /}, {@code \} or NUL in
 * the path, a malformed {@code %}-escape, a malformed request line or header. Only the host's error
 * report valve can answer those, so this one takes the place of Tomcat's (see {@link TomcatProblems}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the same guards as Tomcat's: not for success, not over a body already written, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem(status, response.getMessage(), uriOf(request))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGoneOrResponseClosed) {
            // nothing more can be said to this client
        }
    }

    /** The fields of {@link org.springframework.http.ProblemDetail}, in its order. */
    static Map<String, Object> problem(int status, String serverMessage, String uri) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", known != null ? known.getReasonPhrase() : "Error " + status);
        problem.put("status", status);
        problem.put("detail", detail(status, serverMessage));
        if (uri != null) {
            problem.put("instance", uri);
        }
        return problem;
    }

    private static String detail(int status, String serverMessage) {
        String why = serverMessage == null || serverMessage.isBlank() ? "" : " (" + serverMessage + ")";
        if (status == 400) {
            return "The web server refused the request before it reached the application" + why
                    + ": an encoded '/', '\\' or NUL in the path, a malformed %-escape and a malformed request"
                    + " line or header are never accepted";
        }
        return "The web server could not pass the request to the application" + why;
    }

    /** The path as the client sent it: Tomcat may have refused it before decoding it. */
    private static String uriOf(Request request) {
        try {
            String uri = request.getCoyoteRequest().requestURI().toString();
            return uri == null || uri.isEmpty() ? null : uri;
        } catch (RuntimeException notParsed) {
            return null;
        }
    }
}
