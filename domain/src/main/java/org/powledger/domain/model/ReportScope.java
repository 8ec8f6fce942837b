package org.powledger.domain.model;

/**
 * What a published figure is about: all time ({@code {}}), a year, a cohort (optionally one unit
 * of it), a unit, or one exchange.
 */
public record ReportScope(Integer year, CohortId cohort, UnitId unit, ExchangeId exchange) {

    public ReportScope {
        Violations v = new Violations();
        v.check(year == null || year >= 1900 && year <= 9999, "/year", "must be between 1900 and 9999");
        boolean valid = year == null && cohort == null && unit == null && exchange == null
                || year != null && cohort == null && unit == null && exchange == null
                || year == null && cohort != null && exchange == null
                || year == null && cohort == null && unit != null && exchange == null
                || year == null && cohort == null && unit == null && exchange != null;
        v.check(valid, "", "must be one of {}, {year}, {cohort}, {cohort, unit}, {unit}, {exchange}");
        v.throwIfAny();
    }

    public static ReportScope allTime() {
        return new ReportScope(null, null, null, null);
    }

    public static ReportScope ofYear(int year) {
        return new ReportScope(year, null, null, null);
    }

    public static ReportScope ofCohort(CohortId cohort) {
        return new ReportScope(null, cohort, null, null);
    }

    public static ReportScope ofCohortUnit(CohortId cohort, UnitId unit) {
        return new ReportScope(null, cohort, unit, null);
    }

    public static ReportScope ofUnit(UnitId unit) {
        return new ReportScope(null, null, unit, null);
    }

    public static ReportScope ofExchange(ExchangeId exchange) {
        return new ReportScope(null, null, null, exchange);
    }

    public boolean isExchange() {
        return exchange != null;
    }
}
