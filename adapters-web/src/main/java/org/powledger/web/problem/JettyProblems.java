package org.powledger.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (a URI it cannot decode, headers that are too
 * large, ...) as problem+json too, instead of Jetty's HTML page.
 */
public final class JettyProblems extends ErrorHandler {

    private final ObjectMapper mapper;

    public JettyProblems(ObjectMapper mapper) {
        this.mapper = mapper;
        setShowStacks(false);
        setShowCauses(false);
    }

    /** Jetty writes a body for GET, POST and HEAD only; every method gets its problem document here. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        byte[] body = document(code, message, request.getHttpURI().getPath()).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemMapping.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
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
