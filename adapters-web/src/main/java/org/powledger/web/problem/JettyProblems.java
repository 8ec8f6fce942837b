package org.powledger.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HttpStatus;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors Jetty answers before a request reaches Javalin (a URI it cannot decode, headers that are too
 * large, ...) as problem+json too, instead of Jetty's HTML page.
 */
public final class JettyProblems extends ErrorHandler {

    private final ObjectMapper mapper;

    public JettyProblems(ObjectMapper mapper) {
        this.mapper = mapper;
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        int status = response.getStatus();
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        byte[] body = document(status, message == null ? null : message.toString(), request.getRequestURI())
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType(ProblemMapping.PROBLEM_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ProblemMapping.PROBLEM_JSON);
        return ByteBuffer.wrap(document(status, reason, null).getBytes(StandardCharsets.UTF_8));
    }

    private String document(int status, String reason, String instance) {
        String title = HttpStatus.forStatus(status).getMessage();
        title = title.isEmpty() ? "Error" : title;
        boolean plain = reason == null || reason.isBlank() || reason.contains("Exception") || reason.contains("\n");
        return ProblemMapping.json(mapper, status, ProblemTypes.HTTP, title, plain ? title : reason, instance,
                List.of(), Map.of());
    }
}
