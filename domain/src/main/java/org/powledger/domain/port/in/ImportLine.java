package org.powledger.domain.port.in;

import java.util.List;
import org.powledger.domain.model.Violation;

/**
 * One line of an import, numbered from 1: the draft it carries, or the problems that kept it from
 * being read at all (malformed JSON, an unknown type, a broken CSV field).
 */
public record ImportLine(long number, LedgerDraft draft, List<Violation> unreadable) {

    public ImportLine {
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
        if ((draft == null) == unreadable.isEmpty()) {
            throw new IllegalArgumentException("an import line is either a draft or unreadable");
        }
    }

    public static ImportLine of(long number, LedgerDraft draft) {
        return new ImportLine(number, draft, List.of());
    }

    public static ImportLine unreadable(long number, List<Violation> problems) {
        return new ImportLine(number, null, problems);
    }
}
