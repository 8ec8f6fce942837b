package org.powledger.web.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.web.problem.HttpProblem;
import org.powledger.web.problem.ProblemError;
import org.powledger.web.problem.ProblemTypes;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/exchanges}: a repeat with the same key and the same
 * record gets the first answer again (same id), the same key with another record is 422, and a repeat
 * while the first is still being written is 409. Keys belong to the token that sent them and are kept
 * in memory for 24 hours (at most {@value #MAX_KEYS}); a restart forgets them, and {@code ref} remains
 * the durable way to make a script re-runnable.
 */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_KEYS = 10_000;
    private static final Duration KEPT_FOR = Duration.ofHours(24);

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    IdempotencyKeys(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of a create: the record, and whether it is the answer to an earlier request. */
    record Outcome(ExchangeRecord record, boolean replayed) {
    }

    private record Entry(ExchangeDraft draft, Instant at, ExchangeRecord result) {
    }

    static String validKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw HttpProblem.badRequest(ProblemTypes.INVALID_HEADER,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters",
                    List.of(ProblemError.ofHeader(HEADER, "must be 1 to 255 visible ASCII characters")));
        }
        return key;
    }

    Outcome create(String actor, String key, ExchangeDraft draft, Supplier<ExchangeRecord> create) {
        String slot = actor + "\u0000" + key;
        Instant now = clock.instant();
        synchronized (this) {
            forgetOlderThan(now.minus(KEPT_FOR));
            Entry earlier = entries.get(slot);
            if (earlier != null) {
                if (!earlier.draft().equals(draft)) {
                    throw HttpProblem.invalidBody("This Idempotency-Key was used with another record",
                            List.of(ProblemError.ofHeader(HEADER, "was already used with another record")));
                }
                if (earlier.result() == null) {
                    throw new Conflict("A request with this Idempotency-Key is still being processed");
                }
                return new Outcome(earlier.result(), true);
            }
            if (entries.size() >= MAX_KEYS) {
                Iterator<String> oldest = entries.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            entries.put(slot, new Entry(draft, now, null));
        }
        ExchangeRecord created;
        try {
            created = create.get();
        } catch (RuntimeException e) {
            synchronized (this) {
                entries.remove(slot);
            }
            throw e;
        }
        synchronized (this) {
            entries.put(slot, new Entry(draft, now, created));
        }
        return new Outcome(created, false);
    }

    private void forgetOlderThan(Instant limit) {
        entries.values().removeIf(e -> e.at().isBefore(limit) && e.result() != null);
    }
}
