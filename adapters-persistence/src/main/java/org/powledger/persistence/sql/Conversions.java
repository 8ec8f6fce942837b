package org.powledger.persistence.sql;

import java.time.Instant;
import java.time.LocalDate;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.UnitId;

/**
 * How the domain's values are written in SQL columns (SQLite and PostgreSQL alike) and snapshots: ids as their text, dates as
 * {@code YYYY-MM-DD}, timestamps as RFC 3339 UTC ({@link Instant#toString()}, full precision), enums by
 * their wire names. The MapStruct mappers of this package inherit these.
 */
interface Conversions {

    default String text(UnitId id) {
        return id == null ? null : id.value();
    }

    default UnitId unitId(String value) {
        return value == null ? null : UnitId.of(value);
    }

    default String text(CohortId id) {
        return id == null ? null : id.value();
    }

    default CohortId cohortId(String value) {
        return value == null ? null : CohortId.of(value);
    }

    default String text(ExchangeId id) {
        return id == null ? null : id.value();
    }

    default ExchangeId exchangeId(String value) {
        return value == null ? null : ExchangeId.of(value);
    }

    default String text(ReportId id) {
        return id == null ? null : id.value();
    }

    default ReportId reportId(String value) {
        return value == null ? null : ReportId.of(value);
    }

    default String text(Instant at) {
        return at == null ? null : at.toString();
    }

    default Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    default String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    default LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    default String text(Kind kind) {
        return kind == null ? null : kind.wireName();
    }

    default Kind kind(String value) {
        return value == null ? null : Kind.parse(value).orElseThrow(() -> unknown("kind", value));
    }

    default String text(Metric metric) {
        return metric == null ? null : metric.wireName();
    }

    default Metric metric(String value) {
        return value == null ? null : Metric.parse(value).orElseThrow(() -> unknown("metric", value));
    }

    default String text(AccessScope scope) {
        return scope == null ? null : scope.wireName();
    }

    default AccessScope accessScope(String value) {
        return value == null ? null : AccessScope.parse(value).orElseThrow(() -> unknown("scope", value));
    }

    default String text(HistoryEntry.Action action) {
        return action == null ? null : action.wireName();
    }

    default HistoryEntry.Action action(String value) {
        for (HistoryEntry.Action action : HistoryEntry.Action.values()) {
            if (action.wireName().equals(value)) {
                return action;
            }
        }
        throw unknown("action", value);
    }

    private static IllegalStateException unknown(String what, String value) {
        return new IllegalStateException("The database holds an unknown " + what + ": '" + value + "'");
    }
}
