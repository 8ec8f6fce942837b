package org.powledger.web.exchange;

import java.time.LocalDate;
import java.util.List;

/**
 * An exchange as a client sends it. The read-only fields a GET shows ({@code id}, {@code unattributed},
 * {@code version}, {@code createdAt}, {@code updatedAt}) are accepted so that a record read (or
 * exported) can be sent back as it is, and are otherwise ignored: the server assigns them.
 */
record ExchangeBody(String id, String ref, LocalDate date, String kind, String operation, Integer returned,
                    Integer handedOver, Integer civilians, List<String> mediators, List<LineBody> breakdown,
                    Integer unattributed, List<SourceBody> sources, String notes, Integer version,
                    String createdAt, String updatedAt) {

    record LineBody(String unit, String cohort, Integer count) {
    }

    record SourceBody(String url, String title, String publisher, LocalDate publishedOn) {
    }
}
