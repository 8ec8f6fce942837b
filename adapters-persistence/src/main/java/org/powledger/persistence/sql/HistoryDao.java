package org.powledger.persistence.sql;

import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

interface HistoryDao {

    /** Oldest version first; entries of the same version in the order they were appended. */
    @SqlQuery("""
            SELECT exchange_id, version, action, at, actor, snapshot FROM exchange_history
            WHERE exchange_id = :exchangeId ORDER BY version, entry_id""")
    List<HistoryRow> of(String exchangeId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM exchange_history WHERE actor = :actor)")
    boolean hasActor(String actor);

    @SqlQuery("SELECT coalesce(max(entry_id), 0) FROM exchange_history")
    long mark();

    /** Entries are numbered in the order they were written (writes take turns), so later ones number higher. */
    @SqlQuery("SELECT DISTINCT exchange_id FROM exchange_history WHERE entry_id > :mark LIMIT :limit")
    List<String> writtenSince(long mark, int limit);
}
