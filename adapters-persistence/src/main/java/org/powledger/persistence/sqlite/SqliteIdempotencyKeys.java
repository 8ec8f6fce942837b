package org.powledger.persistence.sqlite;

import static org.powledger.persistence.sqlite.RowMapping.ROWS;

import java.time.Instant;
import java.util.Optional;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.IdempotentRequest;
import org.powledger.domain.port.out.IdempotencyKeys;

final class SqliteIdempotencyKeys implements IdempotencyKeys {

    private final SqliteDatabase db;

    SqliteIdempotencyKeys(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<IdempotentRequest> find(String scopedKey) {
        return db.read(h -> h.attach(IdempotencyDao.class).find(scopedKey)).map(ROWS::toIdempotentRequest);
    }

    @Override
    public void remember(IdempotentRequest request) {
        db.write(h -> {
            IdempotencyDao dao = h.attach(IdempotencyDao.class);
            if (dao.find(request.key()).isPresent()) {
                throw new Conflict("A request with this Idempotency-Key was already answered");
            }
            dao.insert(ROWS.toIdempotencyRow(request));
            return null;
        });
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        db.write(h -> h.attach(IdempotencyDao.class).forgetBefore(ROWS.text(cutoff)));
    }
}
