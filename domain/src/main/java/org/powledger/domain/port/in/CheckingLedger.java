package org.powledger.domain.port.in;

import java.util.List;

/** The integrity check of {@code powledger check}: the store's own, then the ledger's invariants. */
public interface CheckingLedger {

    /** Every problem found, one sentence each; empty when the ledger is sound. */
    List<String> check();
}
