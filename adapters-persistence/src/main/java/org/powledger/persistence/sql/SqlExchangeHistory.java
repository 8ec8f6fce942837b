package org.powledger.persistence.sql;

import static org.powledger.persistence.sql.RowMapping.ROWS;

import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.port.out.ExchangeHistory;

/**
 * History entries with the record as it was kept as a JSON snapshot ({@link ExchangeSnapshots}). Every
 * write of an exchange reads and appends here, so the statements run on the handle itself with a plain
 * row mapper: attaching a SqlObject and matching a constructor to the columns cost more than the query.
 */
final class SqlExchangeHistory implements ExchangeHistory {

    private static final RowMapper<HistoryRow> ROW = (rs, ctx) -> new HistoryRow(rs.getString("exchange_id"),
            rs.getInt("version"), rs.getString("action"), rs.getString("at"), rs.getString("actor"),
            rs.getString("snapshot"));

    private final SqlDatabase db;

    SqlExchangeHistory(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public void append(HistoryEntry entry) {
        HistoryRow row = new HistoryRow(entry.exchangeId().value(), entry.version(), ROWS.text(entry.action()),
                ROWS.text(entry.at()), entry.actor(), ExchangeSnapshots.write(entry.exchange()));
        db.write(h -> h.createUpdate("""
                        INSERT INTO exchange_history (exchange_id, version, action, at, actor, snapshot)
                        VALUES (:exchangeId, :version, :action, :at, :actor, :snapshot)""")
                .bindMap(RowArguments.of(row)).execute());
    }

    /** Oldest version first; entries of the same version in the order they were appended. */
    @Override
    public List<HistoryEntry> of(ExchangeId id) {
        return db.read(h -> h.createQuery("""
                        SELECT exchange_id, version, action, at, actor, snapshot FROM exchange_history
                        WHERE exchange_id = :exchangeId ORDER BY version, entry_id""")
                        .bind("exchangeId", id.value()).map(ROW).list()).stream()
                .map(row -> new HistoryEntry(ROWS.exchangeId(row.exchangeId()), row.version(),
                        ROWS.action(row.action()), ROWS.instant(row.at()), row.actor(),
                        ExchangeSnapshots.read(row.snapshot())))
                .toList();
    }

    @Override
    public boolean hasActor(String actor) {
        return db.read(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM exchange_history WHERE actor = :actor)")
                .bind("actor", actor).mapTo(Boolean.class).one());
    }
}
