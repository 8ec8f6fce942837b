package org.powledger.domain.port.in;

import java.util.List;

/** An import with at least one bad line: nothing was written, and every bad line is listed (422). */
public final class ImportRejected extends RuntimeException {

    private final transient List<LineProblem> problems;
    private final boolean truncated;

    public ImportRejected(List<LineProblem> problems, boolean truncated) {
        super(problems.size() + (truncated ? "+" : "") + " bad line(s); first: line " + problems.get(0).line()
                + " " + problems.get(0).pointer() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
        this.truncated = truncated;
    }

    public List<LineProblem> problems() {
        return problems;
    }

    /** Whether more problems were found than are listed. */
    public boolean truncated() {
        return truncated;
    }

    public record LineProblem(long line, String pointer, String message) {
    }
}
