package org.powledger.persistence.sql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface UnitDao {

    @SqlUpdate("""
            INSERT INTO unit (id, name, parent_id, version, created_at, updated_at)
            VALUES (:id, :name, :parentId, :version, :createdAt, :updatedAt)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id,
                version = excluded.version, created_at = excluded.created_at, updated_at = excluded.updated_at""")
    void saveArguments(@BindMap Map<String, Object> row);

    default void save(UnitRow row) {
        saveArguments(RowArguments.of(row));
    }

    @SqlUpdate("DELETE FROM unit WHERE id = :id")
    void remove(String id);

    @SqlQuery("SELECT * FROM unit WHERE id = :id")
    Optional<UnitRow> byId(String id);

    /** {@code after} null: from the first. */
    @SqlQuery("SELECT * FROM unit WHERE :after IS NULL OR id > :after ORDER BY id LIMIT :limit")
    List<UnitRow> after(String after, int limit);

    @SqlQuery("SELECT * FROM unit ORDER BY id")
    List<UnitRow> all();
}
