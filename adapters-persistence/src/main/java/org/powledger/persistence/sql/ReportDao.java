package org.powledger.persistence.sql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface ReportDao {

    @SqlUpdate("UPDATE ledger_state SET report_sequence = report_sequence + 1 WHERE id = 1")
    void takeSequence();

    @SqlQuery("SELECT report_sequence FROM ledger_state WHERE id = 1")
    long lastSequence();

    @SqlUpdate("""
            INSERT INTO report (id, sequence, scope_year, scope_cohort, scope_unit, scope_exchange, metric, value,
                                approximate, as_of, source_url, source_title, source_publisher, source_published_on,
                                notes, version, created_at)
            VALUES (:id, :sequence, :scopeYear, :scopeCohort, :scopeUnit, :scopeExchange, :metric, :value,
                    :approximate, :asOf, :sourceUrl, :sourceTitle, :sourcePublisher, :sourcePublishedOn,
                    :notes, :version, :createdAt)""")
    void insertArguments(@BindMap Map<String, Object> row);

    default void insert(ReportRow row) {
        insertArguments(RowArguments.of(row));
    }

    @SqlUpdate("DELETE FROM report WHERE id = :id")
    void remove(String id);

    @SqlQuery("SELECT * FROM report WHERE id = :id")
    Optional<ReportRow> byId(String id);

    @SqlQuery("SELECT * FROM report WHERE sequence > :after ORDER BY sequence LIMIT :limit")
    List<ReportRow> after(long after, int limit);

    @SqlQuery("SELECT * FROM report ORDER BY sequence")
    List<ReportRow> all();

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM report WHERE scope_unit = :id)")
    boolean anyNamingUnit(String id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM report WHERE scope_cohort = :id)")
    boolean anyNamingCohort(String id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM report WHERE scope_exchange = :id)")
    boolean anyNamingExchange(String id);
}
