package org.powledger.web.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.powledger.domain.model.Violation;
import org.powledger.domain.port.in.ImportLine;
import org.powledger.web.json.JsonBodies;
import org.powledger.web.problem.HttpProblem;
import org.powledger.web.problem.ProblemError;

/**
 * An import read one line at a time, only as far as it is asked for. A failure of the stream itself
 * (not a bad line: the connection broke, the body went over its limit) is an {@link UncheckedIOException}.
 */
abstract class LazyLines implements Iterator<ImportLine> {

    private ImportLine next;
    private boolean done;

    /** The next line of the import, or null at its end. */
    abstract ImportLine read() throws IOException;

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            try {
                next = read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final ImportLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportLine line = next;
        next = null;
        return line;
    }

    /** JSON that could not be read, described as the single-resource endpoints describe it. */
    static List<Violation> violationsOf(IOException failure) {
        HttpProblem problem = JsonBodies.problemOf(failure);
        List<Violation> violations = new ArrayList<>();
        for (ProblemError error : problem.errors()) {
            violations.add(Violation.at(error.pointer() == null ? "" : error.pointer(), error.message()));
        }
        if (violations.isEmpty()) {
            violations.add(Violation.at("", problem.detail()));
        }
        return violations;
    }
}
