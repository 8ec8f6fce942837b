package org.powledger.persistence.memory;

import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.statistics.StatisticsPropertyTest.Case;
import org.powledger.persistence.contract.StatisticsContract;

class InMemoryStatisticsTest extends StatisticsContract {

    @Override
    protected LedgerStore newStore(Path folder) {
        return new InMemoryLedgerStore();
    }

    @Property(tries = 500)
    void statistics_read_between_writes_agree_with_the_naive_reference(@ForAll("histories") Case c) {
        replayChecking(c);
    }
}
