package org.powledger.web.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An exchange as the API shows it, fields in the order of the contract. */
record ExchangeView(String id, String ref, LocalDate date, String kind, String operation, int returned,
                    Integer handedOver, Integer civilians, List<String> mediators, List<LineView> breakdown,
                    int unattributed, List<SourceView> sources, String notes, int version, Instant createdAt,
                    Instant updatedAt) {

    /** A breakdown line shows only what it names: {@code {"unit": "afu", "count": 70}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LineView(String unit, String cohort, int count) {
    }

    record SourceView(String url, String title, String publisher, LocalDate publishedOn) {
    }
}
