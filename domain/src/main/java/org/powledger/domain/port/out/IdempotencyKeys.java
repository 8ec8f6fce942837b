package org.powledger.domain.port.out;

import java.time.Instant;
import java.util.Optional;
import org.powledger.domain.model.IdempotentRequest;

/**
 * The creates already answered, by {@code Idempotency-Key}, kept in the store so that a retry is
 * recognised after a restart and by every instance sharing the store.
 */
public interface IdempotencyKeys {

    Optional<IdempotentRequest> find(String scopedKey);

    /** Remembers a request; a key already remembered is a {@code Conflict}. */
    void remember(IdempotentRequest request);

    /** Forgets requests remembered before {@code cutoff}. */
    void forgetBefore(Instant cutoff);
}
