package org.powledger.application;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Violations;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.ReportDraft;
import org.powledger.domain.port.out.LedgerStore;

/**
 * The rule that a record may only name units, cohorts and exchanges the ledger holds; every problem
 * is reported with its pointer (422).
 */
public final class LedgerReferences {

    /** Which units and cohorts the ledger holds: asked of the store, or of sets an import keeps. */
    public interface Known {
        boolean unit(UnitId unit);

        boolean cohort(CohortId cohort);
    }

    private final LedgerStore store;
    private final Known known;

    public LedgerReferences(LedgerStore store) {
        this(store, new Known() {
            @Override
            public boolean unit(UnitId unit) {
                return store.units().byId(unit).isPresent();
            }

            @Override
            public boolean cohort(CohortId cohort) {
                return store.cohorts().byId(cohort).isPresent();
            }
        });
    }

    /** The same rule over {@code known}, for an import that reads the units and cohorts once, not per line. */
    public LedgerReferences(LedgerStore store, Known known) {
        this.store = store;
        this.known = known;
    }

    public void requireExist(Exchange exchange) {
        Violations v = new Violations();
        List<BreakdownLine> lines = exchange.breakdown();
        for (int i = 0; i < lines.size(); i++) {
            checkLine(v, i, lines.get(i).unit(), lines.get(i).cohort());
        }
        v.throwIfAny();
    }

    public void requireExist(ReportScope scope) {
        Violations v = new Violations();
        checkScope(v, scope.unit(), scope.cohort(), scope.exchange());
        v.throwIfAny();
    }

    /**
     * Checks a draft by its own rules ({@code today}: none dated after it). A draft with problems
     * also has its unknown units and cohorts listed, so the client hears of every problem in one
     * answer, not in a second round; a valid draft's references are checked where it is written, in
     * the write transaction ({@link #requireExist(Exchange)}).
     */
    public Exchange checked(ExchangeDraft draft, LocalDate today) {
        return checked(() -> draft.toExchange(today), v -> addUnknown(draft, v));
    }

    /** As {@link #checked(ExchangeDraft, LocalDate)}, for a report and the references of its scope. */
    public Report checked(ReportDraft draft, LocalDate today) {
        return checked(() -> draft.toReport(today), v -> addUnknown(draft, v));
    }

    private <T> T checked(Supplier<T> ownRules, Consumer<Violations> unknownReferences) {
        Violations v = new Violations();
        T record = v.attempt("", ownRules).orElse(null);
        if (!v.isEmpty()) {
            store.transactions().read(() -> unknownReferences.accept(v));
            v.throwIfAny();
        }
        return record;
    }

    /**
     * Ids that are not even slugs are the draft's own problems, skipped here; so are lines beyond the
     * most a breakdown may have (the draft's own problem says so), which a store would otherwise be
     * asked about one by one.
     */
    private void addUnknown(ExchangeDraft draft, Violations v) {
        List<ExchangeDraft.LineDraft> lines = draft.breakdown() == null ? List.of() : draft.breakdown();
        for (int i = 0; i < Math.min(lines.size(), Exchange.MAX_LINES); i++) {
            ExchangeDraft.LineDraft line = lines.get(i);
            if (line != null) {
                checkLine(v, i, wellFormed(line.unit(), UnitId::of), wellFormed(line.cohort(), CohortId::of));
            }
        }
    }

    private void addUnknown(ReportDraft draft, Violations v) {
        ReportDraft.ScopeDraft scope = draft.scope();
        if (scope != null) {
            checkScope(v, wellFormed(scope.unit(), UnitId::of), wellFormed(scope.cohort(), CohortId::of),
                    wellFormed(scope.exchange(), ExchangeId::of));
        }
    }

    private void checkLine(Violations v, int i, UnitId unit, CohortId cohort) {
        if (unit != null) {
            v.check(known.unit(unit), "/breakdown/" + i + "/unit", "unknown unit '" + unit + "'");
        }
        if (cohort != null) {
            v.check(known.cohort(cohort), "/breakdown/" + i + "/cohort", "unknown cohort '" + cohort + "'");
        }
    }

    private void checkScope(Violations v, UnitId unit, CohortId cohort, ExchangeId exchange) {
        if (unit != null) {
            v.check(known.unit(unit), "/scope/unit", "unknown unit '" + unit + "'");
        }
        if (cohort != null) {
            v.check(known.cohort(cohort), "/scope/cohort", "unknown cohort '" + cohort + "'");
        }
        if (exchange != null) {
            v.check(store.exchanges().byId(exchange).isPresent(), "/scope/exchange",
                    "unknown exchange '" + exchange + "'");
        }
    }

    private static <T> T wellFormed(String value, Function<String, T> parse) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (InvalidRecord malformed) {
            return null;
        }
    }
}
