package org.powledger.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.powledger.domain.model.IdempotentRequest;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.port.out.LedgerStore;

/**
 * The one home of {@code Idempotency-Key} on a create (exchanges and reports): the first request with a
 * key creates and is remembered; a repeat with the same fingerprint replays the first answer; the same
 * key with another body is 422. The caller holds the write transaction.
 */
public final class IdempotentCreates {

    /** Longer than the 24 hours a client may count on. */
    public static final Duration KEYS_KEPT = Duration.ofDays(7);

    private final LedgerStore store;
    private final Clock clock;

    public IdempotentCreates(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What a create with a key gave: the record, and whether it is the first answer replayed. */
    public record Outcome<T>(T record, boolean replayed) {
    }

    /**
     * @param scopedKey the key as stored ({@link IdempotentRequest#scoped} or {@code scopedToReports})
     * @param create    creates the record (the first time)
     * @param idOf      the created record's id, remembered with the key
     * @param replay    the first answer, from the id remembered
     */
    public <T> Outcome<T> create(String scopedKey, String fingerprint, Supplier<T> create, Function<T, String> idOf,
                                 Function<String, T> replay) {
        Instant now = clock.instant();
        store.idempotencyKeys().forgetBefore(now.minus(KEYS_KEPT));
        Optional<IdempotentRequest> earlier = store.idempotencyKeys().find(scopedKey);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw InvalidRecord.of("", "this Idempotency-Key was already used with another request");
            }
            return new Outcome<>(replay.apply(earlier.get().record()), true);
        }
        T created = create.get();
        store.idempotencyKeys().remember(new IdempotentRequest(scopedKey, fingerprint, idOf.apply(created), now));
        return new Outcome<>(created, false);
    }
}
