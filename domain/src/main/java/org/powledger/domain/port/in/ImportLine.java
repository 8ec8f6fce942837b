package org.powledger.domain.port.in;

import java.util.List;
import java.util.Set;
import org.powledger.domain.model.Violation;

/**
 * One line of an import, numbered from 1: the draft it carries, or the problems that kept it from
 * being read at all (malformed JSON, an unknown type, a broken CSV field).
 *
 * <p>{@code given} names the draft's top-level fields (JSON names) that the line gives, present even
 * when empty or null: an update by import changes only those and keeps the others (API.md, "Import and
 * export"). Null means the line gives the whole record.
 */
public record ImportLine(long number, LedgerDraft draft, List<Violation> unreadable, Set<String> given) {

    public ImportLine {
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
        given = given == null ? null : Set.copyOf(given);
        if ((draft == null) == unreadable.isEmpty()) {
            throw new IllegalArgumentException("an import line is either a draft or unreadable");
        }
    }

    /** A line that gives the whole record. */
    public static ImportLine of(long number, LedgerDraft draft) {
        return new ImportLine(number, draft, List.of(), null);
    }

    /** A line that gives only the fields named in {@code given}. */
    public static ImportLine of(long number, LedgerDraft draft, Set<String> given) {
        return new ImportLine(number, draft, List.of(), given);
    }

    public static ImportLine unreadable(long number, List<Violation> problems) {
        return new ImportLine(number, null, problems, null);
    }

    /** Whether the line gives {@code field} (every field, when it gives the whole record). */
    public static boolean gives(Set<String> given, String field) {
        return given == null || given.contains(field);
    }
}
