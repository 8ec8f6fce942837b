package org.powledger.persistence.sql;

import static org.powledger.persistence.sql.RowMapping.ROWS;

import java.util.List;
import java.util.Optional;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.out.Units;

final class SqlUnits implements Units {

    private final SqlDatabase db;

    SqlUnits(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public void save(Versioned<Unit> unit) {
        db.write(h -> {
            h.attach(UnitDao.class).save(ROWS.toUnitRow(unit));
            return null;
        });
    }

    @Override
    public void remove(UnitId id) {
        db.write(h -> {
            h.attach(UnitDao.class).remove(id.value());
            return null;
        });
    }

    @Override
    public Optional<Versioned<Unit>> byId(UnitId id) {
        return db.read(h -> h.attach(UnitDao.class).byId(id.value())).map(ROWS::toVersionedUnit);
    }

    @Override
    public Page<Versioned<Unit>> list(PageRequest page) {
        List<UnitRow> rows = db.read(h -> h.attach(UnitDao.class).after(Pages.after(page.cursor()), page.limit() + 1));
        return Pages.of(rows, page.limit(), ROWS::toVersionedUnit, UnitRow::id);
    }

    @Override
    public List<Unit> all() {
        return db.read(h -> h.attach(UnitDao.class).all()).stream().map(ROWS::toUnit).toList();
    }
}
