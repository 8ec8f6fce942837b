package org.powledger.web.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the web adapter itself refuses (415, 413, 401, 403, a malformed body or header),
 * thrown from anywhere in the adapter and written as {@code application/problem+json} by
 * {@link ProblemMapping}.
 */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<ProblemError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpProblem(int status, String type, String title, String detail, List<ProblemError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static HttpProblem of(int status, String type, String title, String detail) {
        return new HttpProblem(status, type, title, detail, List.of());
    }

    /** 400: the request cannot be read (malformed JSON, a malformed header or parameter). */
    public static HttpProblem badRequest(String type, String detail, List<ProblemError> errors) {
        return new HttpProblem(400, type, "Bad Request", detail, errors);
    }

    /** 422: the body is well-formed JSON but does not describe a valid record. */
    public static HttpProblem invalidBody(String detail, List<ProblemError> errors) {
        return new HttpProblem(422, ProblemTypes.INVALID_RECORD, "The record is not valid", detail, errors);
    }

    public HttpProblem withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<ProblemError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
