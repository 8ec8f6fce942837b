package org.powledger.persistence.sql;

import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface IdempotencyDao {

    @SqlUpdate("INSERT INTO idempotency_key (key, fingerprint, exchange_id, at) "
            + "VALUES (:key, :fingerprint, :exchangeId, :at)")
    void insertArguments(@BindMap Map<String, Object> row);

    default void insert(IdempotencyRow row) {
        insertArguments(RowArguments.of(row));
    }

    @SqlQuery("SELECT * FROM idempotency_key WHERE key = :key")
    Optional<IdempotencyRow> find(String key);

    @SqlUpdate("DELETE FROM idempotency_key WHERE at < :cutoff")
    int forgetBefore(String cutoff);
}
