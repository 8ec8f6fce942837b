package org.powledger.persistence.postgresql;

import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.statistics.StatisticsPropertyTest.Case;
import org.powledger.persistence.contract.StatisticsContract;

/** Fewer tries than in memory: each starts from an empty database; the shared SQL order is what is under test. */
class PostgresStatisticsTest extends StatisticsContract {

    @Override
    protected LedgerStore newStore(Path folder) {
        return PostgresLedgerStore.open(TestPostgres.emptyLedger(), null);
    }

    @Property(tries = 30)
    void statistics_read_between_writes_agree_with_the_naive_reference(@ForAll("histories") Case c) {
        replayChecking(c);
    }
}
