package org.powledger.web.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One report checked against the ledger: {@code difference} is {@code recorded - reported}. */
record ReconciliationView(String report, ScopeView scope, String metric, long reported, long recorded,
                          long difference, String status) {

    /** A scope shows only what it names: {@code {}}, {@code {"year": 2024}}, {@code {"cohort": "azovstal", "unit": "azov"}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScopeView(Integer year, String cohort, String unit, String exchange) {
    }
}
