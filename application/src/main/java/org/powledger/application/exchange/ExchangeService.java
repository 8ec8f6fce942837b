package org.powledger.application.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.powledger.application.IdempotentCreates;
import org.powledger.application.LedgerReferences;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeQuery;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.HistoryEntry.Action;
import org.powledger.domain.model.IdempotentRequest;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.SearchWords;
import org.powledger.domain.model.Slug;
import org.powledger.domain.model.StaleVersion;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.UnitTree;
import org.powledger.domain.model.VersionRequired;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.RecordingExchanges;
import org.powledger.domain.port.out.LedgerStore;

/** Recording exchanges: every write is checked, stored and entered in the history in one transaction. */
public final class ExchangeService implements RecordingExchanges {

    private final LedgerStore store;
    private final Clock clock;
    private final LedgerReferences references;
    private final IdempotentCreates idempotent;

    public ExchangeService(LedgerStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.references = new LedgerReferences(store);
        this.idempotent = new IdempotentCreates(store, clock);
    }

    @Override
    public ExchangeRecord record(ExchangeDraft draft, Actor actor) {
        Exchange exchange = validated(draft);
        return store.transactions().write(() -> add(ExchangeId.random(), exchange, actor));
    }

    @Override
    public Recorded record(ExchangeDraft draft, Actor actor, String idempotencyKey, String fingerprint) {
        Exchange exchange = validated(draft);
        String key = IdempotentRequest.scoped(actor.name(), idempotencyKey);
        return store.transactions().write(() -> {
            IdempotentCreates.Outcome<ExchangeRecord> outcome = idempotent.create(key, fingerprint,
                    () -> add(ExchangeId.random(), exchange, actor), r -> r.id().value(),
                    id -> firstAnswer(ExchangeId.of(id)));
            return new Recorded(outcome.record(), outcome.replayed());
        });
    }

    /** The record as its create answered it, even if it was replaced or deleted since. */
    private ExchangeRecord firstAnswer(ExchangeId id) {
        Optional<ExchangeRecord> current = store.exchanges().byId(id);
        if (current.isPresent() && current.get().version() == 1) {
            return current.get();
        }
        HistoryEntry created = store.history().of(id).get(0);
        return new ExchangeRecord(id, current.map(ExchangeRecord::sequence).orElse(0L), created.version(),
                created.at(), created.at(), created.exchange());
    }

    /**
     * Adds a checked exchange under a given id; the caller holds the write transaction. An id whose
     * record was deleted (an import may bring it back) continues its versions after the deletion, so
     * that the history keeps one entry per version and an old {@code ETag} never names new content.
     */
    public ExchangeRecord add(ExchangeId id, Exchange exchange, Actor actor) {
        return add(id, exchange, actor, references);
    }

    /** As {@link #add(ExchangeId, Exchange, Actor)}, checking references against {@code known} (an import's). */
    public ExchangeRecord add(ExchangeId id, Exchange exchange, Actor actor, LedgerReferences known) {
        requireAddable(exchange, known, store.exchanges()::byRef);
        return addChecked(Map.of(id, exchange), actor).get(0);
    }

    /**
     * The rules an exchange meets before it is added: it names only what {@code known} holds, and its ref is
     * free, asked of {@code holders} (the store, or what an import read for many lines at once).
     */
    public void requireAddable(Exchange exchange, LedgerReferences known,
                               Function<String, Optional<ExchangeRecord>> holders) {
        known.requireExist(exchange);
        requireRefFree(exchange.ref(), null, holders);
    }

    /**
     * Stores exchanges that met {@link #requireAddable}, in the map's order, and enters each in the history:
     * records and entries are handed to the store all at once, so that it may write them in few statements.
     * The caller holds the write transaction.
     */
    public List<ExchangeRecord> addChecked(Map<ExchangeId, Exchange> exchanges, Actor actor) {
        Instant now = clock.instant();
        Set<ExchangeId> usedBefore = store.history().used(exchanges.keySet());
        List<ExchangeRecord> added = new ArrayList<>(store.exchanges().addAll(exchanges, now));
        List<HistoryEntry> entries = new ArrayList<>(added.size());
        for (int i = 0; i < added.size(); i++) {
            ExchangeRecord record = added.get(i);
            if (usedBefore.contains(record.id())) {
                List<HistoryEntry> earlier = store.history().of(record.id());
                record = new ExchangeRecord(record.id(), record.sequence(),
                        earlier.get(earlier.size() - 1).version() + 1, record.createdAt(), record.updatedAt(),
                        record.exchange());
                store.exchanges().replace(record);
                added.set(i, record);
            }
            entries.add(new HistoryEntry(record.id(), record.version(), Action.CREATED, now, actor.name(),
                    record.exchange()));
        }
        store.history().appendAll(entries);
        return added;
    }

    @Override
    public ExchangeRecord replace(ExchangeId id, ExchangeDraft draft, Integer expectedVersion, Actor actor) {
        return store.transactions().write(() -> {
            ExchangeRecord current = get(id);
            if (expectedVersion == null) {
                throw new VersionRequired();
            }
            if (expectedVersion != current.version()) {
                throw new StaleVersion(expectedVersion, current.version());
            }
            Exchange exchange = validated(draft);
            if (exchange.equals(current.exchange())) {
                return current; // a PUT that changes nothing makes no new version and no history entry
            }
            return replace(current, exchange, actor);
        });
    }

    /** Stores a new version of a record; the caller holds the write transaction. */
    public ExchangeRecord replace(ExchangeRecord current, Exchange exchange, Actor actor) {
        return replace(current, exchange, actor, references);
    }

    /** As {@link #replace(ExchangeRecord, Exchange, Actor)}, checking references against {@code known}. */
    public ExchangeRecord replace(ExchangeRecord current, Exchange exchange, Actor actor, LedgerReferences known) {
        known.requireExist(exchange);
        requireRefFree(exchange.ref(), current.id(), store.exchanges()::byRef);
        Instant now = clock.instant();
        ExchangeRecord replaced = current.replacedBy(exchange, now);
        store.exchanges().replace(replaced);
        store.history().append(new HistoryEntry(current.id(), replaced.version(), Action.UPDATED, now,
                actor.name(), exchange));
        return replaced;
    }

    @Override
    public void delete(ExchangeId id, Actor actor) {
        store.transactions().write(() -> {
            ExchangeRecord current = get(id);
            store.exchanges().remove(id);
            store.history().append(new HistoryEntry(id, current.version() + 1, Action.DELETED, clock.instant(),
                    actor.name(), current.exchange()));
        });
    }

    @Override
    public ExchangeRecord get(ExchangeId id) {
        return store.transactions().read(() -> store.exchanges().byId(id))
                .orElseThrow(() -> new NotFound("exchange", id.value()));
    }

    @Override
    public Page<ExchangeRecord> list(ExchangeFilter filter, PageRequest page) {
        // One snapshot: the unit tree that resolves `unit` is the one the listed records were written against.
        return store.transactions().read(() -> store.exchanges().list(resolve(filter), page));
    }

    @Override
    public List<HistoryEntry> history(ExchangeId id) {
        List<HistoryEntry> entries = store.transactions().read(() -> store.history().of(id));
        if (entries.isEmpty()) {
            throw new NotFound("exchange", id.value());
        }
        return entries;
    }

    /** Checks a draft by its own rules and the clock, listing its unknown references with any other problem. */
    public Exchange validated(ExchangeDraft draft) {
        return references.checked(draft, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    ExchangeQuery resolve(ExchangeFilter filter) {
        Kind kind = filter.kind() == null ? null : Kind.parse(filter.kind())
                .orElseThrow(() -> new InvalidQuery("kind", "must be one of prisoners, bodies"));
        Set<UnitId> units = null;
        if (filter.unit() != null) {
            UnitId unit = UnitId.of(requireSlug("unit", filter.unit()));
            units = new UnitTree(store.units().all()).subtree(unit);
        }
        CohortId cohort = filter.cohort() == null ? null : CohortId.of(requireSlug("cohort", filter.cohort()));
        return new ExchangeQuery(filter.from(), filter.to(), kind, units, cohort, blankToNull(filter.mediator()),
                blankToNull(filter.operation()), SearchWords.ofQuery(filter.q()));
    }

    private static void requireRefFree(String ref, ExchangeId self,
                                       Function<String, Optional<ExchangeRecord>> holders) {
        if (ref == null) {
            return;
        }
        holders.apply(ref).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw new Conflict("ref '" + ref + "' is already used by exchange " + other.id(), other.id().value());
        });
    }

    private static String requireSlug(String parameter, String value) {
        if (!Slug.isValid(value)) {
            throw new InvalidQuery(parameter, Slug.RULE);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
