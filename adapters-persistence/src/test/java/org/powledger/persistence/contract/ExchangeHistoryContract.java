package org.powledger.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powledger.domain.fixtures.LedgerFixtures.december30;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.HistoryEntry.Action;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.Source;

/** The contract of {@link org.powledger.domain.port.out.ExchangeHistory}. */
public abstract class ExchangeHistoryContract extends StoreContract {

    private static final ExchangeId ID = ExchangeId.of("ex_history1");

    @Test
    void the_history_of_an_id_never_used_is_empty() {
        assertThat(store.history().of(ExchangeId.of("ex_never"))).isEmpty();
    }

    @Test
    void appendAll_appends_in_order_as_append_would_one_by_one() {
        ExchangeId other = ExchangeId.of("ex_history2");
        HistoryEntry v1 = new HistoryEntry(ID, 1, Action.CREATED, T0, "admin", december30());
        HistoryEntry o1 = new HistoryEntry(other, 1, Action.CREATED, T0, "admin", on("2024-01-01").build());
        HistoryEntry v2 = new HistoryEntry(ID, 2, Action.DELETED, T0.plusSeconds(1), "editor", december30());

        store.history().appendAll(List.of(v1, o1, v2));

        assertThat(store.history().of(ID)).containsExactly(v1, v2);
        assertThat(store.history().of(other)).containsExactly(o1);
    }

    @Test
    void used_names_the_ids_with_any_entry_even_of_a_deleted_record() {
        store.history().append(new HistoryEntry(ID, 1, Action.CREATED, T0, "admin", december30()));
        store.history().append(new HistoryEntry(ID, 2, Action.DELETED, T0, "admin", december30()));
        List<ExchangeId> asked = new ArrayList<>(List.of(ID, ExchangeId.of("ex_never")));
        for (int i = 0; i < 1_000; i++) {
            asked.add(ExchangeId.of("ex_absent" + i));
        }

        assertThat(store.history().used(asked)).containsExactly(ID);
        assertThat(store.history().used(List.of())).isEmpty();
    }

    @Test
    void entries_come_back_oldest_version_first_with_the_record_as_it_was() {
        Exchange created = december30();
        Exchange updated = on("2024-12-30").ref("2024-12-30").returned(189).notes("corrected").build();
        HistoryEntry v1 = new HistoryEntry(ID, 1, Action.CREATED, T0, "admin", created);
        HistoryEntry v2 = new HistoryEntry(ID, 2, Action.UPDATED, T0.plusSeconds(1), "editor", updated);
        HistoryEntry v3 = new HistoryEntry(ID, 3, Action.DELETED, T0.plusSeconds(2), "admin", updated);

        store.history().append(v1);
        store.history().append(v2);
        store.history().append(v3);

        assertThat(store.history().of(ID)).containsExactly(v1, v2, v3);
    }

    @Test
    void the_history_outlives_the_record() {
        var record = store.exchanges().add(ID, december30(), T0);
        HistoryEntry created = new HistoryEntry(ID, 1, Action.CREATED, T0, "admin", record.exchange());
        HistoryEntry deleted = new HistoryEntry(ID, 2, Action.DELETED, T0.plusSeconds(9), "admin", record.exchange());
        store.transactions().write(() -> store.history().append(created));
        store.transactions().write(() -> {
            store.exchanges().remove(ID);
            store.history().append(deleted);
        });

        assertThat(store.history().of(ID)).containsExactly(created, deleted);
    }

    @Test
    void a_snapshot_keeps_every_field_of_the_exchange() {
        Exchange full = new Exchange("ref-1", LocalDate.of(2023, 8, 7), Kind.PRISONERS, "op", 220, 22, 1,
                List.of("UAE", "Türkiye"), december30().breakdown().subList(0, 1),
                List.of(new Source("https://example.org/x", "Title", "Publisher", LocalDate.of(2023, 8, 8))),
                "Notes\nwith \"quotes\" and ünïcödé");
        Exchange bodies = on("2023-08-09").bodies().returned(1).line(null, "azovstal", 1).build();
        HistoryEntry first = new HistoryEntry(ID, 1, Action.CREATED, T0, "a", full);
        HistoryEntry second = new HistoryEntry(ID, 2, Action.UPDATED, T0, "a", bodies);

        store.history().append(first);
        store.history().append(second);

        assertThat(store.history().of(ID)).extracting(HistoryEntry::exchange).containsExactly(full, bodies);
    }

    @Test
    void it_knows_which_actors_wrote_it_even_after_the_record_is_gone() {
        assertThat(store.history().hasActor("deployer")).isFalse();

        store.history().append(new HistoryEntry(ID, 1, Action.CREATED, T0, "deployer", december30()));
        store.history().append(new HistoryEntry(ID, 2, Action.DELETED, T0.plusSeconds(1), "admin", december30()));

        assertThat(store.history().hasActor("deployer")).isTrue();
        assertThat(store.history().hasActor("admin")).isTrue();
        assertThat(store.history().hasActor("deploy")).isFalse();
    }

    @Test
    void histories_of_different_exchanges_stay_apart() {
        ExchangeId other = ExchangeId.of("ex_history2");
        HistoryEntry mine = new HistoryEntry(ID, 1, Action.CREATED, T0, "a", december30());
        HistoryEntry theirs = new HistoryEntry(other, 1, Action.CREATED, T0, "b", on("2024-01-01").build());

        store.history().append(mine);
        store.history().append(theirs);

        assertThat(store.history().of(ID)).containsExactly(mine);
        assertThat(store.history().of(other)).containsExactly(theirs);
    }

    @Test
    void entries_appended_out_of_order_are_read_by_version() {
        HistoryEntry v1 = new HistoryEntry(ID, 1, Action.CREATED, T0, "a", december30());
        HistoryEntry v2 = new HistoryEntry(ID, 2, Action.UPDATED, T0, "a", december30());

        store.history().append(v2);
        store.history().append(v1);

        assertThat(store.history().of(ID)).containsExactly(v1, v2);
    }

    @Test
    void it_names_the_exchanges_written_since_a_mark_it_gave() {
        ExchangeId other = ExchangeId.of("ex_history2");
        store.history().append(new HistoryEntry(ID, 1, Action.CREATED, T0, "a", december30()));
        long mark = store.history().mark();

        assertThat(store.history().writtenSince(mark, 10)).contains(Set.of());
        store.history().append(new HistoryEntry(other, 1, Action.CREATED, T0, "a", december30()));
        store.history().append(new HistoryEntry(ID, 2, Action.DELETED, T0, "a", december30()));
        store.history().append(new HistoryEntry(other, 2, Action.UPDATED, T0, "a", december30()));

        assertThat(store.history().writtenSince(mark, 10)).contains(Set.of(ID, other));
        assertThat(store.history().writtenSince(mark, 2)).contains(Set.of(ID, other));
        assertThat(store.history().writtenSince(mark, 1)).as("more written than asked for").isEmpty();
        assertThat(store.history().writtenSince(store.history().mark(), 1)).contains(Set.of());
        assertThat(store.history().writtenSince(0, 10)).contains(Set.of(ID, other));
    }

    @Test
    void a_write_rolled_back_leaves_no_mark() {
        long mark = store.history().mark();
        try {
            store.transactions().write(() -> {
                store.history().append(new HistoryEntry(ID, 1, Action.CREATED, T0, "a", december30()));
                throw new IllegalStateException("changed its mind");
            });
        } catch (IllegalStateException expected) {
            // the write is undone
        }

        assertThat(store.history().mark()).isEqualTo(mark);
        assertThat(store.history().writtenSince(mark, 10)).isEqualTo(Optional.of(Set.of()));
    }

    @Test
    void a_read_transaction_sees_the_mark_of_its_moment() {
        long before = store.history().mark();
        long[] seen = new long[2];
        store.transactions().read(() -> {
            seen[0] = store.history().mark();
            Thread writer = new Thread(() -> store.history().append(
                    new HistoryEntry(ID, 1, Action.CREATED, T0, "a", december30())));
            writer.start();
            try {
                writer.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            seen[1] = store.history().mark();
            assertThat(store.history().writtenSince(seen[0], 10)).contains(Set.of());
        });

        assertThat(seen).containsExactly(before, before);
        assertThat(store.history().writtenSince(before, 10)).contains(Set.of(ID));
    }
}
