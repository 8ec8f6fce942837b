package org.powledger.domain.model;

import java.time.Instant;

/** One stored version of an exchange: who did what, when, and the record as it then was. */
public record HistoryEntry(ExchangeId exchangeId, int version, Action action, Instant at, String actor,
                           Exchange exchange) {

    public enum Action {
        CREATED("created"), UPDATED("updated"), DELETED("deleted");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
