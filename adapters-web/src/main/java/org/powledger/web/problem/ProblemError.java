package org.powledger.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.powledger.domain.model.Violation;

/**
 * One entry of a problem's {@code errors}: where the problem is (a JSON Pointer into the request
 * body, a query parameter, or a header; for an import also the {@code line} of the file) and what
 * is wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(Long line, String pointer, String parameter, String header, String message) {

    public static ProblemError at(String pointer, String message) {
        return new ProblemError(null, pointer, null, null, message);
    }

    public static ProblemError ofParameter(String parameter, String message) {
        return new ProblemError(null, null, parameter, null, message);
    }

    public static ProblemError ofHeader(String header, String message) {
        return new ProblemError(null, null, null, header, message);
    }

    /** A problem with one line of an imported file. */
    public static ProblemError atLine(long line, String pointer, String message) {
        return new ProblemError(line, pointer == null ? "" : pointer, null, null, message);
    }

    static ProblemError of(Violation violation) {
        return new ProblemError(null, violation.pointer(), violation.parameter(), null, violation.message());
    }
}
