package org.powledger.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.powledger.domain.model.Violation;

/**
 * One entry of a problem's {@code errors}: where the problem is (a JSON Pointer into the request
 * body, a query parameter, or a header) and what is wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(String pointer, String parameter, String header, String message) {

    public static ProblemError at(String pointer, String message) {
        return new ProblemError(pointer, null, null, message);
    }

    public static ProblemError ofParameter(String parameter, String message) {
        return new ProblemError(null, parameter, null, message);
    }

    public static ProblemError ofHeader(String header, String message) {
        return new ProblemError(null, null, header, message);
    }

    static ProblemError of(Violation violation) {
        return new ProblemError(violation.pointer(), violation.parameter(), null, violation.message());
    }
}
