package org.powledger.persistence.sql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface TokenDao {

    @SqlUpdate("INSERT INTO token (name, scope, hash, created_at) VALUES (:name, :scope, :hash, :createdAt)")
    void insertArguments(@BindMap Map<String, Object> row);

    default void insert(TokenRow row) {
        insertArguments(RowArguments.of(row));
    }

    @SqlQuery("SELECT * FROM token WHERE hash = :hash")
    Optional<TokenRow> byHash(String hash);

    @SqlQuery("SELECT * FROM token WHERE name = :name")
    Optional<TokenRow> byName(String name);

    @SqlQuery("SELECT * FROM token ORDER BY name")
    List<TokenRow> all();

    @SqlUpdate("DELETE FROM token WHERE name = :name")
    int remove(String name);
}
