package org.powledger.persistence.sql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface CohortDao {

    @SqlUpdate("""
            INSERT INTO cohort (id, name, size, size_approximate, description, version, created_at, updated_at)
            VALUES (:id, :name, :size, :sizeApproximate, :description, :version, :createdAt, :updatedAt)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, size = excluded.size,
                size_approximate = excluded.size_approximate, description = excluded.description,
                version = excluded.version, created_at = excluded.created_at, updated_at = excluded.updated_at""")
    void saveArguments(@BindMap Map<String, Object> row);

    default void save(CohortRow row) {
        saveArguments(RowArguments.of(row));
    }

    @SqlUpdate("DELETE FROM cohort WHERE id = :id")
    void remove(String id);

    @SqlQuery("SELECT * FROM cohort WHERE id = :id")
    Optional<CohortRow> byId(String id);

    /** {@code after} null: from the first. */
    @SqlQuery("SELECT * FROM cohort WHERE :after IS NULL OR id > :after ORDER BY id LIMIT :limit")
    List<CohortRow> after(String after, int limit);

    @SqlQuery("SELECT * FROM cohort ORDER BY id")
    List<CohortRow> all();
}
