package org.powledger.persistence.sql;

import static org.powledger.persistence.sql.RowMapping.ROWS;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.port.out.Reports;

final class SqlReports implements Reports {

    private final SqlDatabase db;

    SqlReports(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public ReportRecord add(ReportId id, Report report, Instant at) {
        return db.write(h -> {
            ReportDao dao = h.attach(ReportDao.class);
            if (dao.byId(id.value()).isPresent()) {
                throw new Conflict("A report with id '" + id + "' already exists", id.value());
            }
            dao.takeSequence();
            ReportRecord record = new ReportRecord(id, dao.lastSequence(), at, report);
            dao.insert(ROWS.toReportRow(record));
            return record;
        });
    }

    @Override
    public void replace(ReportRecord record) {
        db.write(h -> {
            ReportDao dao = h.attach(ReportDao.class);
            ReportRecord old = dao.byId(record.id().value()).map(ROWS::toReportRecord)
                    .orElseThrow(() -> new NotFound("report", record.id().value()));
            dao.remove(record.id().value());
            dao.insert(ROWS.toReportRow(new ReportRecord(old.id(), old.sequence(), record.version(), old.createdAt(),
                    record.report())));
            return null;
        });
    }

    @Override
    public void remove(ReportId id) {
        db.write(h -> {
            h.attach(ReportDao.class).remove(id.value());
            return null;
        });
    }

    @Override
    public Optional<ReportRecord> byId(ReportId id) {
        return db.read(h -> h.attach(ReportDao.class).byId(id.value())).map(ROWS::toReportRecord);
    }

    @Override
    public Page<ReportRecord> list(PageRequest page) {
        long after = Pages.afterSequence(page.cursor());
        List<ReportRow> rows = db.read(h -> h.attach(ReportDao.class).after(after, page.limit() + 1));
        return Pages.of(rows, page.limit(), ROWS::toReportRecord, r -> Long.toString(r.sequence()));
    }

    @Override
    public List<ReportRecord> all() {
        return db.read(h -> h.attach(ReportDao.class).all()).stream().map(ROWS::toReportRecord).toList();
    }

    @Override
    public boolean anyNaming(UnitId unit) {
        return db.read(h -> h.attach(ReportDao.class).anyNamingUnit(unit.value()));
    }

    @Override
    public boolean anyNaming(CohortId cohort) {
        return db.read(h -> h.attach(ReportDao.class).anyNamingCohort(cohort.value()));
    }

    @Override
    public boolean anyNaming(ExchangeId exchange) {
        return db.read(h -> h.attach(ReportDao.class).anyNamingExchange(exchange.value()));
    }
}
