package org.powledger.domain.statistics;

/** Whether the ledger agrees with a report, or falls below or above it. */
public enum ReconciliationStatus {
    MATCH("match"), LEDGER_BELOW("ledgerBelow"), LEDGER_ABOVE("ledgerAbove");

    private final String wireName;

    ReconciliationStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ReconciliationStatus of(long difference) {
        return difference == 0 ? MATCH : difference < 0 ? LEDGER_BELOW : LEDGER_ABOVE;
    }
}
