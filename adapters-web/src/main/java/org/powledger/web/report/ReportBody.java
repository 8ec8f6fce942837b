package org.powledger.web.report;

import java.time.LocalDate;

/**
 * A report as a client sends it. The read-only fields a GET shows ({@code id}, {@code version},
 * {@code createdAt}) are accepted so that a report read (or exported) can be sent back as it is,
 * and are otherwise ignored: the server assigns them.
 */
record ReportBody(String id, String ref, ScopeBody scope, String metric, Long value, Boolean approximate, LocalDate asOf,
                  SourceBody source, String notes, Integer version, String createdAt) {

    record ScopeBody(Integer year, String cohort, String unit, String exchange) {
    }

    record SourceBody(String url, String title, String publisher, LocalDate publishedOn) {
    }
}
