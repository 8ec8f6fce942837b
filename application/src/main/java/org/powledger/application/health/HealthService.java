package org.powledger.application.health;

import org.powledger.domain.port.in.CheckingHealth;
import org.powledger.domain.port.out.LedgerStore;

/** Up when the store answers. */
public final class HealthService implements CheckingHealth {

    private final LedgerStore store;
    private final String version;

    public HealthService(LedgerStore store, String version) {
        this.store = store;
        this.version = version;
    }

    @Override
    public Health check() {
        return new Health(store.isUp(), store.kind(), version);
    }
}
