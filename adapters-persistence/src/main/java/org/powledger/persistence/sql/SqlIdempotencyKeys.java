package org.powledger.persistence.sql;

import static org.powledger.persistence.sql.RowMapping.ROWS;

import java.time.Instant;
import java.util.Optional;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.IdempotentRequest;
import org.powledger.domain.port.out.IdempotencyKeys;

final class SqlIdempotencyKeys implements IdempotencyKeys {

    private final SqlDatabase db;

    SqlIdempotencyKeys(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<IdempotentRequest> find(String scopedKey) {
        return db.read(h -> h.attach(IdempotencyDao.class).find(db.storable(scopedKey))).map(this::request);
    }

    @Override
    public void remember(IdempotentRequest request) {
        db.write(h -> {
            IdempotencyDao dao = h.attach(IdempotencyDao.class);
            IdempotencyRow row = ROWS.toIdempotencyRow(request);
            row = new IdempotencyRow(db.storable(row.key()), row.fingerprint(), row.exchangeId(), row.at());
            if (dao.find(row.key()).isPresent()) {
                throw new Conflict("A request with this Idempotency-Key was already answered");
            }
            dao.insert(row);
            return null;
        });
    }

    private IdempotentRequest request(IdempotencyRow row) {
        return ROWS.toIdempotentRequest(
                new IdempotencyRow(db.unstored(row.key()), row.fingerprint(), row.exchangeId(), row.at()));
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        db.write(h -> h.attach(IdempotencyDao.class).forgetBefore(ROWS.text(cutoff)));
    }
}
