package org.powledger.persistence.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.IdempotentRequest;
import org.powledger.domain.port.out.IdempotencyKeys;

final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private final MemoryLedger ledger;
    private final Map<String, IdempotentRequest> byKey = new HashMap<>();

    InMemoryIdempotencyKeys(MemoryLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<IdempotentRequest> find(String scopedKey) {
        return ledger.read(() -> Optional.ofNullable(byKey.get(scopedKey)));
    }

    @Override
    public void remember(IdempotentRequest request) {
        ledger.write(() -> {
            if (byKey.containsKey(request.key())) {
                throw new Conflict("A request with this Idempotency-Key was already answered");
            }
            byKey.put(request.key(), request);
            ledger.onRollback(() -> byKey.remove(request.key()));
        });
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        ledger.write(() -> {
            List<IdempotentRequest> old = byKey.values().stream().filter(r -> r.at().isBefore(cutoff)).toList();
            old.forEach(r -> byKey.remove(r.key()));
            ledger.onRollback(() -> old.forEach(r -> byKey.put(r.key(), r)));
        });
    }
}
