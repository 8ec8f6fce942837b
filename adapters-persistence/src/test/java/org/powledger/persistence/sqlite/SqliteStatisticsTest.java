package org.powledger.persistence.sqlite;

import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.statistics.StatisticsPropertyTest.Case;
import org.powledger.persistence.contract.StatisticsContract;

/** Fewer tries than in memory: each opens a SQLite file; the SQL order is what is under test. */
class SqliteStatisticsTest extends StatisticsContract {

    @Override
    protected LedgerStore newStore(Path folder) {
        return SqliteLedgerStore.open(folder.resolve("ledger.db"));
    }

    @Property(tries = 60)
    void statistics_read_between_writes_agree_with_the_naive_reference(@ForAll("histories") Case c) {
        replayChecking(c);
    }
}
