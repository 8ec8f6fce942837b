package org.powledger.web.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/** A report as the API shows it. */
record ReportView(String id, String ref, ScopeView scope, String metric, long value, boolean approximate, LocalDate asOf,
                  SourceView source, String notes, int version, Instant createdAt) {

    /** A scope shows only what it names: {@code {}}, {@code {"year": 2024}}, {@code {"cohort": "azovstal"}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScopeView(Integer year, String cohort, String unit, String exchange) {
    }

    record SourceView(String url, String title, String publisher, LocalDate publishedOn) {
    }
}
