package org.powledger.application;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.function.Supplier;
import org.powledger.domain.port.out.Cohorts;
import org.powledger.domain.port.out.ExchangeHistory;
import org.powledger.domain.port.out.Exchanges;
import org.powledger.domain.port.out.IdempotencyKeys;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.port.out.Reports;
import org.powledger.domain.port.out.Tokens;
import org.powledger.domain.port.out.Transactions;
import org.powledger.domain.port.out.Units;

/** A store whose every port is a Mockito mock; transactions simply run their work. */
public final class MockedStore {

    public final Exchanges exchanges = mock(Exchanges.class);
    public final ExchangeHistory history = mock(ExchangeHistory.class);
    public final Units units = mock(Units.class);
    public final Cohorts cohorts = mock(Cohorts.class);
    public final Reports reports = mock(Reports.class);
    public final Tokens tokens = mock(Tokens.class);
    public final IdempotencyKeys idempotencyKeys = mock(IdempotencyKeys.class);
    public final LedgerStore store = mock(LedgerStore.class);

    public MockedStore() {
        // The bulk methods do what their single counterparts would, one by one, as their defaults say.
        lenient().when(exchanges.addAll(any(), any())).thenCallRealMethod();
        lenient().when(exchanges.byIds(any())).thenCallRealMethod();
        lenient().when(exchanges.byRefs(any())).thenCallRealMethod();
        lenient().doCallRealMethod().when(history).appendAll(any());
        lenient().when(history.used(any())).thenCallRealMethod();
        lenient().when(store.exchanges()).thenReturn(exchanges);
        lenient().when(store.history()).thenReturn(history);
        lenient().when(store.units()).thenReturn(units);
        lenient().when(store.cohorts()).thenReturn(cohorts);
        lenient().when(store.reports()).thenReturn(reports);
        lenient().when(store.tokens()).thenReturn(tokens);
        lenient().when(store.idempotencyKeys()).thenReturn(idempotencyKeys);
        lenient().when(store.transactions()).thenReturn(new Transactions() {
            @Override
            public <T> T write(Supplier<T> work) {
                return work.get();
            }

            @Override
            public <T> T read(Supplier<T> work) {
                return work.get();
            }
        });
    }
}
