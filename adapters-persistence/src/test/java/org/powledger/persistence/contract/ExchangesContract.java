package org.powledger.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.powledger.domain.fixtures.LedgerFixtures.december30;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeQuery;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.SearchWords;
import org.powledger.domain.model.Source;
import org.powledger.domain.model.UnitId;

/** The contract of {@link org.powledger.domain.port.out.Exchanges}. */
public abstract class ExchangesContract extends StoreContract {

    private static final ExchangeQuery EVERYTHING = ExchangeQuery.everything();

    // --- storing and reading back

    @Test
    void add_gives_version_1_and_the_next_place_in_recording_order() {
        ExchangeRecord first = add(on("2024-05-01"));
        ExchangeRecord second = add(on("2024-01-01"));

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(first.updatedAt()).isEqualTo(T0);
        assertThat(second.sequence()).isGreaterThan(first.sequence());
    }

    @Test
    void addAll_stores_records_in_the_given_order_as_add_would_one_by_one() {
        ExchangeRecord before = add(on("2024-01-01"));
        Map<ExchangeId, Exchange> many = new LinkedHashMap<>();
        for (int i = 0; i < 1_200; i++) { // more than one statement's worth of ids
            many.put(ExchangeId.of("ex_many" + i), on("2024-02-01").ref("many-" + i).returned(i + 1)
                    .line("tro", 1).mediators("UAE").build());
        }

        List<ExchangeRecord> added = store.exchanges().addAll(many, T0);

        assertThat(added).extracting(ExchangeRecord::id).containsExactlyElementsOf(many.keySet());
        assertThat(added).allSatisfy(r -> {
            assertThat(r.version()).isEqualTo(1);
            assertThat(r.createdAt()).isEqualTo(T0);
            assertThat(store.exchanges().byId(r.id())).contains(r);
        });
        assertThat(added.get(0).sequence()).isGreaterThan(before.sequence());
        for (int i = 1; i < added.size(); i++) {
            assertThat(added.get(i).sequence()).isGreaterThan(added.get(i - 1).sequence());
        }
        assertThat(add(on("2024-03-01")).sequence()).isGreaterThan(added.get(added.size() - 1).sequence());
    }

    @Test
    void addAll_refuses_an_id_already_stored() {
        ExchangeRecord stored = add(on("2024-01-01"));
        Map<ExchangeId, Exchange> both = new LinkedHashMap<>();
        both.put(nextId(), on("2024-01-02").build());
        both.put(stored.id(), on("2024-01-03").build());

        assertThatThrownBy(() -> store.exchanges().addAll(both, T0)).isInstanceOf(Conflict.class);
    }

    @Test
    void addAll_refuses_a_ref_already_held_or_given_twice() {
        add(on("2024-01-01").ref("held"));
        Map<ExchangeId, Exchange> taken = new LinkedHashMap<>();
        taken.put(nextId(), on("2024-01-02").ref("held").build());
        Map<ExchangeId, Exchange> twice = new LinkedHashMap<>();
        twice.put(nextId(), on("2024-01-02").ref("twice").build());
        twice.put(nextId(), on("2024-01-03").ref("twice").build());

        assertThatThrownBy(() -> store.exchanges().addAll(taken, T0)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> store.exchanges().addAll(twice, T0)).isInstanceOf(Conflict.class);
    }

    @Test
    void byIds_and_byRefs_find_the_live_records_and_leave_out_the_rest() {
        ExchangeRecord a = add(on("2024-01-01").ref("a").line("tro", 3));
        ExchangeRecord b = add(on("2024-01-02"));
        ExchangeRecord gone = add(on("2024-01-03").ref("gone"));
        store.exchanges().remove(gone.id());
        List<ExchangeId> ids = new ArrayList<>(List.of(a.id(), b.id(), gone.id(), ExchangeId.of("ex_never")));
        for (int i = 0; i < 1_000; i++) {
            ids.add(ExchangeId.of("ex_absent" + i));
        }

        assertThat(store.exchanges().byIds(ids)).isEqualTo(Map.of(a.id(), a, b.id(), b));
        assertThat(store.exchanges().byRefs(List.of("a", "gone", "never"))).isEqualTo(Map.of("a", a));
        assertThat(store.exchanges().byIds(List.of())).isEmpty();
    }

    @Test
    void a_record_reads_back_exactly_as_it_was_stored() {
        Exchange exchange = new Exchange("2022-09-21", LocalDate.of(2022, 9, 21), Kind.PRISONERS, "op-sept-2022",
                215, 55, 3, List.of("Türkiye", "Saudi Arabia"),
                december30().breakdown().subList(0, 2).stream().toList(),
                List.of(new Source("https://example.org/a", "Azovstal defenders home", "Ukrainska Pravda",
                                LocalDate.of(2022, 9, 22)),
                        new Source("https://example.org/b", null, null, null)),
                "Line one\nline two");
        ExchangeRecord added = store.exchanges().add(nextId(), exchange, T0);

        assertThat(store.exchanges().byId(added.id())).contains(added);
        assertThat(store.exchanges().byId(added.id()).orElseThrow().exchange()).isEqualTo(exchange);
    }

    @Test
    void lines_keep_their_order_and_may_name_a_cohort_with_or_without_a_unit() {
        Exchange exchange = on("2024-02-07").returned(100).line("tro", 10).line("azov", "azovstal", 5)
                .line(null, "azovstal", 7).line("afu", 1).build();
        ExchangeRecord added = add(exchange);

        assertThat(store.exchanges().byId(added.id()).orElseThrow().exchange().breakdown())
                .isEqualTo(exchange.breakdown());
    }

    @Test
    void a_record_of_bodies_without_optional_fields_reads_back() {
        Exchange exchange = on("2024-03-01").bodies().returned(0).build();
        ExchangeRecord added = add(exchange);

        assertThat(store.exchanges().byId(added.id()).orElseThrow().exchange()).isEqualTo(exchange);
    }

    @Test
    void byId_of_an_unknown_id_is_empty() {
        assertThat(store.exchanges().byId(ExchangeId.of("ex_nothing"))).isEmpty();
    }

    @Test
    void byRef_finds_the_record_that_carries_the_ref() {
        ExchangeRecord added = add(december30());
        add(on("2024-01-01").ref("other"));

        assertThat(store.exchanges().byRef("2024-12-30")).contains(added);
        assertThat(store.exchanges().byRef("unknown")).isEmpty();
    }

    @Test
    void add_with_a_ref_already_used_is_a_conflict_naming_the_holder() {
        ExchangeRecord holder = add(on("2024-01-01").ref("r-1"));

        assertThatThrownBy(() -> add(on("2024-02-01").ref("r-1")))
                .isInstanceOfSatisfying(Conflict.class,
                        c -> assertThat(c.existingId()).isEqualTo(holder.id().value()));
        assertThat(all()).containsExactly(holder);
    }

    @Test
    void add_with_an_id_already_used_is_a_conflict() {
        ExchangeRecord first = add(on("2024-01-01"));

        assertThatThrownBy(() -> store.exchanges().add(first.id(), on("2024-02-01").build(), T0))
                .isInstanceOf(Conflict.class);
        assertThat(all()).containsExactly(first);
    }

    // --- replacing and removing

    @Test
    void replace_stores_the_new_version() {
        ExchangeRecord first = add(december30());
        Instant later = T0.plusSeconds(60);
        Exchange corrected = on("2024-12-30").ref("2024-12-30").returned(190).notes("corrected").build();

        store.exchanges().replace(first.replacedBy(corrected, later));

        ExchangeRecord stored = store.exchanges().byId(first.id()).orElseThrow();
        assertThat(stored.exchange()).isEqualTo(corrected);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.updatedAt()).isEqualTo(later);
        assertThat(stored.createdAt()).isEqualTo(T0);
    }

    @Test
    void replace_keeps_recording_order() {
        ExchangeRecord first = add(on("2024-06-01"));
        ExchangeRecord second = add(on("2024-06-01"));
        ExchangeRecord claimsAnotherPlace = new ExchangeRecord(first.id(), 999, 2, T0.minusSeconds(5),
                T0.plusSeconds(5), on("2024-06-01").returned(12).build());

        store.exchanges().replace(claimsAnotherPlace);

        ExchangeRecord stored = store.exchanges().byId(first.id()).orElseThrow();
        assertThat(stored.sequence()).isEqualTo(first.sequence());
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(ids(store.exchanges().list(EVERYTHING, PageRequest.first(10)).items()))
                .containsExactly(second.id(), first.id());
    }

    @Test
    void replace_may_keep_the_record_s_own_ref_but_not_take_another_s() {
        ExchangeRecord first = add(on("2024-01-01").ref("a"));
        ExchangeRecord second = add(on("2024-01-02").ref("b"));

        store.exchanges().replace(first.replacedBy(on("2024-01-03").ref("a").build(), T0));
        assertThatThrownBy(() -> store.exchanges().replace(first.replacedBy(on("2024-01-03").ref("b").build(), T0)))
                .isInstanceOfSatisfying(Conflict.class,
                        c -> assertThat(c.existingId()).isEqualTo(second.id().value()));
        assertThat(store.exchanges().byRef("a").orElseThrow().id()).isEqualTo(first.id());
    }

    @Test
    void replace_frees_the_old_ref() {
        ExchangeRecord first = add(on("2024-01-01").ref("old"));

        store.exchanges().replace(first.replacedBy(on("2024-01-01").ref("new").build(), T0));

        assertThat(store.exchanges().byRef("old")).isEmpty();
        assertThat(store.exchanges().byRef("new")).isPresent();
        add(on("2024-01-02").ref("old"));
    }

    @Test
    void replace_of_an_unknown_record_is_not_found() {
        ExchangeRecord ghost = new ExchangeRecord(ExchangeId.of("ex_ghost"), 1, 2, T0, T0, on("2024-01-01").build());

        assertThatThrownBy(() -> store.exchanges().replace(ghost)).isInstanceOf(NotFound.class);
    }

    @Test
    void replace_updates_what_lists_filter_on() {
        ExchangeRecord first = add(on("2024-01-01").line("tro", 3).mediators("UAE").notes("Azovstal"));

        store.exchanges().replace(first.replacedBy(on("2024-01-01").line("dpsu", 3).mediators("Qatar")
                .notes("Snake Island").build(), T0));

        assertThat(list(query().units(Set.of(UnitId.of("tro"))))).isEmpty();
        assertThat(list(query().units(Set.of(UnitId.of("dpsu"))))).hasSize(1);
        assertThat(list(query().mediator("uae"))).isEmpty();
        assertThat(list(query().mediator("qatar"))).hasSize(1);
        assertThat(list(query().q("azovstal"))).isEmpty();
        assertThat(list(query().q("snake"))).hasSize(1);
    }

    @Test
    void remove_takes_the_record_out_of_lookups_lists_and_walks() {
        ExchangeRecord gone = add(on("2024-01-01").ref("gone").line("tro", 1).notes("Mariupol"));
        ExchangeRecord kept = add(on("2024-01-02"));

        store.exchanges().remove(gone.id());

        assertThat(store.exchanges().byId(gone.id())).isEmpty();
        assertThat(store.exchanges().byRef("gone")).isEmpty();
        assertThat(list(query())).containsExactly(kept);
        assertThat(list(query().q("mariupol"))).isEmpty();
        assertThat(all()).containsExactly(kept);
        assertThat(store.exchanges().anyLineWith(UnitId.of("tro"))).isFalse();
    }

    @Test
    void remove_of_an_unknown_record_changes_nothing() {
        ExchangeRecord kept = add(on("2024-01-02"));

        store.exchanges().remove(ExchangeId.of("ex_unknown"));

        assertThat(all()).containsExactly(kept);
    }

    @Test
    void sequences_are_not_reused_after_a_removal() {
        add(on("2024-01-01"));
        ExchangeRecord last = add(on("2024-01-01"));
        store.exchanges().remove(last.id());

        assertThat(add(on("2024-01-01")).sequence()).isGreaterThan(last.sequence());
    }

    // --- lists: order and pages

    @Test
    void list_is_newest_first_by_date_then_by_recording_order() {
        ExchangeRecord a = add(on("2024-03-01"));
        ExchangeRecord b = add(on("2024-01-01"));
        ExchangeRecord c = add(on("2024-03-01"));
        ExchangeRecord d = add(on("2024-02-01"));

        assertThat(list(query())).containsExactly(c, a, d, b);
    }

    @Test
    void cursor_pages_through_every_record_once() {
        List<ExchangeRecord> added = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            added.add(add(on("2024-01-0" + (1 + i % 4))));
        }

        List<ExchangeRecord> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<ExchangeRecord> page = store.exchanges().list(EVERYTHING, new PageRequest(5, cursor));
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(5);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(added);
        assertThat(seen).isEqualTo(list(query()));
    }

    @Test
    void a_page_that_ends_the_list_has_no_next_cursor() {
        for (int i = 0; i < 4; i++) {
            add(on("2024-01-01"));
        }

        Page<ExchangeRecord> first = store.exchanges().list(EVERYTHING, PageRequest.first(2));
        Page<ExchangeRecord> second = store.exchanges().list(EVERYTHING, new PageRequest(2, first.nextCursor()));

        assertThat(first.next()).isPresent();
        assertThat(second.items()).hasSize(2);
        assertThat(second.next()).isEmpty();
        assertThat(store.exchanges().list(EVERYTHING, PageRequest.first(4)).next()).isEmpty();
    }

    @Test
    void a_cursor_survives_writes_in_between() {
        ExchangeRecord newest = add(on("2024-03-01"));
        ExchangeRecord middle = add(on("2024-02-01"));
        ExchangeRecord oldest = add(on("2024-01-01"));
        Page<ExchangeRecord> first = store.exchanges().list(EVERYTHING, PageRequest.first(1));

        add(on("2024-04-01"));
        store.exchanges().remove(middle.id());

        assertThat(first.items()).containsExactly(newest);
        assertThat(store.exchanges().list(EVERYTHING, new PageRequest(5, first.nextCursor())).items())
                .containsExactly(oldest);
    }

    @Test
    void a_cursor_this_store_did_not_give_out_is_an_invalid_query() {
        assertThatThrownBy(() -> store.exchanges().list(EVERYTHING, new PageRequest(5, "not-a-cursor")))
                .isInstanceOf(InvalidQuery.class);
    }

    // --- lists: filters

    @Test
    void list_filters_by_dates_both_inclusive() {
        add(on("2023-12-31"));
        ExchangeRecord first = add(on("2024-01-01"));
        ExchangeRecord last = add(on("2024-12-31"));
        add(on("2025-01-01"));

        assertThat(list(query().from("2024-01-01").to("2024-12-31"))).containsExactly(last, first);
        assertThat(list(query().from("2024-12-31"))).hasSize(2);
        assertThat(list(query().to("2024-01-01"))).hasSize(2);
    }

    @Test
    void list_filters_by_kind() {
        ExchangeRecord prisoners = add(on("2024-01-01"));
        ExchangeRecord bodies = add(on("2024-01-02").bodies());

        assertThat(list(query().kind(Kind.PRISONERS))).containsExactly(prisoners);
        assertThat(list(query().kind(Kind.BODIES))).containsExactly(bodies);
    }

    @Test
    void list_filters_by_unit_subtree() {
        ExchangeRecord troOnly = add(on("2024-01-01").line("tro", 5));
        ExchangeRecord navyAndNsu = add(on("2024-01-02").line("nsu", 5).line("navy", 1));
        add(on("2024-01-03").line("dpsu", 5));
        add(on("2024-01-04").line(null, "azovstal", 5));

        Set<UnitId> afuSubtree = Set.of(UnitId.of("afu"), UnitId.of("tro"), UnitId.of("navy"));

        assertThat(list(query().units(afuSubtree))).containsExactly(navyAndNsu, troOnly);
        assertThat(list(query().units(Set.of(UnitId.of("tro"))))).containsExactly(troOnly);
    }

    @Test
    void a_record_with_several_lines_in_the_subtree_is_listed_once() {
        ExchangeRecord both = add(on("2024-01-01").line("afu", 5).line("tro", 4).line("navy", 1));

        assertThat(list(query().units(Set.of(UnitId.of("afu"), UnitId.of("tro"), UnitId.of("navy")))))
                .containsExactly(both);
    }

    @Test
    void list_with_an_empty_unit_set_finds_nothing() {
        add(on("2024-01-01").line("tro", 5));

        assertThat(list(query().units(Set.of()))).isEmpty();
    }

    @Test
    void list_filters_by_cohort() {
        ExchangeRecord tagged = add(on("2024-01-01").line("azov", "azovstal", 5));
        ExchangeRecord cohortOnly = add(on("2024-01-02").line(null, "azovstal", 2));
        add(on("2024-01-03").line("azov", 5));

        assertThat(list(query().cohort(CohortId.of("azovstal")))).containsExactly(cohortOnly, tagged);
    }

    @Test
    void list_filters_by_mediator_case_insensitively_and_exactly() {
        ExchangeRecord uae = add(on("2024-01-01").mediators("UAE", "Qatar"));
        add(on("2024-01-02").mediators("UAE Red Crescent"));
        add(on("2024-01-03"));

        assertThat(list(query().mediator("uae"))).containsExactly(uae);
        assertThat(list(query().mediator("QATAR"))).containsExactly(uae);
        assertThat(list(query().mediator("UA"))).isEmpty();
    }

    @Test
    void list_filters_by_operation() {
        ExchangeRecord stage1 = add(on("2025-05-23").operation("1000-for-1000"));
        ExchangeRecord stage2 = add(on("2025-05-24").operation("1000-for-1000"));
        add(on("2025-05-25").operation("other"));
        add(on("2025-05-26"));

        assertThat(list(query().operation("1000-for-1000"))).containsExactly(stage2, stage1);
    }

    @Test
    void search_matches_word_prefixes_case_insensitively() {
        ExchangeRecord azovstal = add(december30());
        add(on("2024-01-01").notes("Snake Island defenders"));

        assertThat(list(query().q("azovst"))).containsExactly(azovstal);
        assertThat(list(query().q("AZOVSTAL"))).containsExactly(azovstal);
        assertThat(list(query().q("Zmiinyi"))).containsExactly(azovstal);
    }

    @Test
    void search_matches_the_start_of_words_only() {
        add(december30());

        assertThat(list(query().q("zovstal"))).isEmpty();
        assertThat(list(query().q("azovstalx"))).isEmpty();
    }

    @Test
    void search_needs_every_query_word_to_match_some_word() {
        ExchangeRecord both = add(on("2024-01-01").notes("Azovstal and Mariupol"));
        add(on("2024-01-02").notes("Azovstal only"));

        assertThat(list(query().q("mariu azov"))).containsExactly(both);
        assertThat(list(query().q("azov kherson"))).isEmpty();
    }

    @Test
    void search_covers_notes_ref_source_titles_and_publishers() {
        ExchangeRecord byNotes = add(on("2024-01-01").notes("Chernobyl"));
        ExchangeRecord byRef = add(on("2024-01-02").ref("ukrinform-2024-01-02"));
        ExchangeRecord byTitle = add(on("2024-01-03").source("https://example.org/t", "Mariupol defenders", null));
        ExchangeRecord byPublisher = add(on("2024-01-04").source("https://example.org/p", null, "Ukrinform"));

        assertThat(list(query().q("chern"))).containsExactly(byNotes);
        assertThat(list(query().q("mariupol"))).containsExactly(byTitle);
        assertThat(list(query().q("ukrinform"))).containsExactly(byPublisher, byRef);
    }

    @Test
    void search_ignores_diacritics_in_records_and_queries() {
        ExchangeRecord accented = add(on("2024-01-01").notes("Повернення зі Зміїного, Zmiïnyi"));
        ExchangeRecord plain = add(on("2024-01-02").notes("Zmiinyi island"));

        assertThat(list(query().q("zmii"))).containsExactly(plain, accented);
        assertThat(list(query().q("zmiï"))).containsExactly(plain, accented);
        assertThat(list(query().q("зміі"))).containsExactly(accented);
        assertThat(list(query().q("zmiy"))).isEmpty();
    }

    @Test
    void search_handles_letters_beyond_ascii() {
        ExchangeRecord cyrillic = add(on("2024-01-01").notes("Повернення захисників Азовсталі"));

        assertThat(list(query().q("азовст"))).containsExactly(cyrillic);
        assertThat(list(query().q("АЗОВСТАЛІ"))).containsExactly(cyrillic);
    }

    @Test
    void filters_combine() {
        ExchangeRecord match = add(on("2024-06-01").line("tro", 3).mediators("UAE").notes("Azovstal"));
        add(on("2024-06-02").line("tro", 3).mediators("UAE").notes("Kherson"));
        add(on("2024-06-03").line("dpsu", 3).mediators("UAE").notes("Azovstal"));
        add(on("2023-06-01").line("tro", 3).mediators("UAE").notes("Azovstal"));
        add(on("2024-06-04").bodies().line("tro", 3).mediators("UAE").notes("Azovstal"));

        assertThat(list(query().from("2024-01-01").kind(Kind.PRISONERS).units(Set.of(UnitId.of("tro")))
                .mediator("uae").q("azov"))).containsExactly(match);
    }

    /** Whatever the query, the store lists exactly what {@link ExchangeQuery#matches} accepts. */
    @Test
    void list_agrees_with_the_query_rule_of_the_domain() {
        Random random = new Random(42);
        String[] units = {"afu", "tro", "nsu", "azov", "dpsu", "navy"};
        String[] notes = {"Azovstal garrison", "Snake Island", "Mariupol and Azovstal", null, "Kherson"};
        String[] mediators = {"UAE", "Qatar", "Türkiye"};
        for (int i = 0; i < 60; i++) {
            var builder = on(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700)).toString())
                    .returned(50).notes(notes[random.nextInt(notes.length)])
                    .mediators(mediators[random.nextInt(mediators.length)]);
            if (random.nextBoolean()) {
                builder.bodies();
            }
            if (random.nextInt(3) == 0) {
                builder.operation("op-" + random.nextInt(3));
            }
            int lines = random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                String unit = units[(i + l) % units.length];
                if (l == 0 && random.nextBoolean()) {
                    builder.line(unit, "azovstal", 1);
                } else {
                    builder.line(unit, 1);
                }
            }
            add(builder);
        }
        List<ExchangeRecord> everything = all();
        List<ExchangeQuery> queries = List.of(
                query().from("2023-06-01").to("2024-06-01").build(),
                query().kind(Kind.BODIES).build(),
                query().units(Set.of(UnitId.of("nsu"), UnitId.of("azov"))).build(),
                query().cohort(CohortId.of("azovstal")).build(),
                query().mediator("türkiye").build(),
                query().operation("op-1").build(),
                query().q("azov").build(),
                query().q("mariupol azovstal").build(),
                query().kind(Kind.PRISONERS).q("snake").from("2024-01-01").build());

        for (ExchangeQuery q : queries) {
            List<ExchangeRecord> expected = new ArrayList<>(everything.stream().filter(q::matches).toList());
            java.util.Collections.reverse(expected);
            assertThat(listAll(q)).as("%s", q).isEqualTo(expected);
        }
    }

    // --- walking the ledger

    @Test
    void forEach_walks_live_records_in_ledger_order() {
        ExchangeRecord b = add(on("2024-02-01"));
        ExchangeRecord a = add(on("2024-01-01"));
        ExchangeRecord c = add(on("2024-02-01"));
        ExchangeRecord removed = add(on("2024-01-15"));
        store.exchanges().remove(removed.id());

        assertThat(all()).containsExactly(a, b, c);
    }

    @Test
    void forEach_walks_a_ledger_larger_than_any_batch() {
        store.transactions().write(() -> {
            for (int i = 0; i < 1234; i++) {
                add(on(LocalDate.of(2022, 1, 1).plusDays(i % 900).toString()).line("tro", 1).mediators("UAE"));
            }
        });

        List<ExchangeRecord> walked = all();

        assertThat(walked).hasSize(1234);
        assertThat(walked).isSortedAccordingTo(java.util.Comparator.comparing(
                org.powledger.domain.model.ExchangePosition::of));
        assertThat(walked).allSatisfy(r -> assertThat(r.exchange().breakdown()).hasSize(1));
    }

    @Test
    void forEach_of_an_empty_ledger_walks_nothing() {
        assertThat(all()).isEmpty();
    }

    // --- still referenced?

    @Test
    void anyLineWith_tells_whether_a_live_line_names_a_unit_or_cohort() {
        add(on("2024-01-01").line("tro", 1).line("azov", "azovstal", 2));

        assertThat(store.exchanges().anyLineWith(UnitId.of("tro"))).isTrue();
        assertThat(store.exchanges().anyLineWith(UnitId.of("azov"))).isTrue();
        assertThat(store.exchanges().anyLineWith(UnitId.of("afu"))).isFalse();
        assertThat(store.exchanges().anyLineWith(CohortId.of("azovstal"))).isTrue();
    }

    @Test
    void anyLineWith_a_cohort_is_false_without_such_a_line() {
        add(on("2024-01-01").line("tro", 1));

        assertThat(store.exchanges().anyLineWith(CohortId.of("azovstal"))).isFalse();
    }

    // --- helpers

    private List<ExchangeRecord> all() {
        List<ExchangeRecord> all = new ArrayList<>();
        store.exchanges().forEach(all::add);
        return all;
    }

    private List<ExchangeRecord> list(QueryBuilder query) {
        return listAll(query.build());
    }

    private List<ExchangeRecord> listAll(ExchangeQuery query) {
        return store.exchanges().list(query, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    private static List<ExchangeId> ids(List<ExchangeRecord> records) {
        return records.stream().map(ExchangeRecord::id).toList();
    }

    private static QueryBuilder query() {
        return new QueryBuilder();
    }

    /** An {@link ExchangeQuery} built the way the list endpoint builds it. */
    private static final class QueryBuilder {
        private LocalDate from;
        private LocalDate to;
        private Kind kind;
        private Set<UnitId> units;
        private CohortId cohort;
        private String mediator;
        private String operation;
        private List<String> words = List.of();

        QueryBuilder from(String date) { from = LocalDate.parse(date); return this; }
        QueryBuilder to(String date) { to = LocalDate.parse(date); return this; }
        QueryBuilder kind(Kind value) { kind = value; return this; }
        QueryBuilder units(Set<UnitId> value) { units = value; return this; }
        QueryBuilder cohort(CohortId value) { cohort = value; return this; }
        QueryBuilder mediator(String value) { mediator = value; return this; }
        QueryBuilder operation(String value) { operation = value; return this; }
        QueryBuilder q(String value) { words = SearchWords.ofQuery(value); return this; }

        ExchangeQuery build() {
            return new ExchangeQuery(from, to, kind, units, cohort, mediator, operation, words);
        }
    }
}
