package org.powledger.persistence.sql;

import java.util.List;

/**
 * The stored form of an exchange snapshot in {@code exchange_history.snapshot}: plain strings and
 * numbers, so that the JSON stays readable with the sqlite3 shell and independent of the domain's
 * Java types.
 */
record ExchangeJson(String ref, String date, String kind, String operation, int returned, Integer handedOver,
                    Integer civilians, List<String> mediators, List<Line> breakdown, List<Link> sources,
                    String notes) {

    record Line(String unit, String cohort, int count) {
    }

    record Link(String url, String title, String publisher, String publishedOn) {
    }
}
