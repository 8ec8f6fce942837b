package org.powledger.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powledger.domain.fixtures.LedgerFixtures.AZOVSTAL;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Versioned;

/** The contract of {@link org.powledger.domain.port.out.Cohorts} (Azovstal is stored before each test). */
public abstract class CohortsContract extends StoreContract {

    @Test
    void a_saved_cohort_reads_back_with_its_version_and_times() {
        assertThat(store.cohorts().byId(AZOVSTAL.id())).contains(Versioned.first(AZOVSTAL, T0));
    }

    @Test
    void a_cohort_of_unknown_size_without_description_reads_back() {
        Cohort snakeIsland = new Cohort(CohortId.of("zmiinyi"), "Snake Island garrison", null, false, null);

        store.cohorts().save(Versioned.first(snakeIsland, T0));

        assertThat(store.cohorts().byId(snakeIsland.id()).orElseThrow().value()).isEqualTo(snakeIsland);
    }

    @Test
    void save_overwrites_the_cohort_with_the_same_id() {
        Versioned<Cohort> first = store.cohorts().byId(AZOVSTAL.id()).orElseThrow();
        Versioned<Cohort> resized = first.replacedBy(
                new Cohort(AZOVSTAL.id(), AZOVSTAL.name(), 2439, false, AZOVSTAL.description()), T0.plusSeconds(1));

        store.cohorts().save(resized);

        assertThat(store.cohorts().byId(AZOVSTAL.id())).contains(resized);
        assertThat(store.cohorts().all()).containsExactly(resized.value());
    }

    @Test
    void remove_forgets_the_cohort() {
        store.cohorts().remove(AZOVSTAL.id());

        assertThat(store.cohorts().byId(AZOVSTAL.id())).isEmpty();
        assertThat(store.cohorts().all()).isEmpty();
    }

    @Test
    void list_is_ordered_by_id_and_pages_through_every_cohort_once() {
        for (String id : List.of("olenivka", "mariupol", "chornobyl", "zmiinyi")) {
            store.cohorts().save(Versioned.first(new Cohort(CohortId.of(id), id, null, false, null), T0));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Versioned<Cohort>> page = store.cohorts().list(new PageRequest(2, cursor));
            page.items().forEach(c -> seen.add(c.value().id().value()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactly("azovstal", "chornobyl", "mariupol", "olenivka", "zmiinyi");
        assertThat(store.cohorts().all()).extracting(c -> c.id().value()).containsExactlyElementsOf(seen);
    }
}
