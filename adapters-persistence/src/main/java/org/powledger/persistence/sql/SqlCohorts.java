package org.powledger.persistence.sql;

import static org.powledger.persistence.sql.RowMapping.ROWS;

import java.util.List;
import java.util.Optional;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.out.Cohorts;

final class SqlCohorts implements Cohorts {

    private final SqlDatabase db;

    SqlCohorts(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public void save(Versioned<Cohort> cohort) {
        db.write(h -> {
            h.attach(CohortDao.class).save(ROWS.toCohortRow(cohort));
            return null;
        });
    }

    @Override
    public void remove(CohortId id) {
        db.write(h -> {
            h.attach(CohortDao.class).remove(id.value());
            return null;
        });
    }

    @Override
    public Optional<Versioned<Cohort>> byId(CohortId id) {
        return db.read(h -> h.attach(CohortDao.class).byId(id.value())).map(ROWS::toVersionedCohort);
    }

    @Override
    public Page<Versioned<Cohort>> list(PageRequest page) {
        List<CohortRow> rows =
                db.read(h -> h.attach(CohortDao.class).after(Pages.after(page.cursor()), page.limit() + 1));
        return Pages.of(rows, page.limit(), ROWS::toVersionedCohort, CohortRow::id);
    }

    @Override
    public List<Cohort> all() {
        return db.read(h -> h.attach(CohortDao.class).all()).stream().map(ROWS::toCohort).toList();
    }
}
