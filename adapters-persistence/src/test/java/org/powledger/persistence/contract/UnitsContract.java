package org.powledger.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powledger.domain.fixtures.LedgerFixtures.AFU;
import static org.powledger.domain.fixtures.LedgerFixtures.TRO;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;

/** The contract of {@link org.powledger.domain.port.out.Units} (the seed units are stored before each test). */
public abstract class UnitsContract extends StoreContract {

    @Test
    void a_saved_unit_reads_back_with_its_version_and_times() {
        Unit marines = new Unit(UnitId.of("marines"), "Marine Corps", UnitId.of("navy"));
        Versioned<Unit> saved = Versioned.first(marines, T0);

        store.units().save(saved);

        assertThat(store.units().byId(UnitId.of("marines"))).contains(saved);
    }

    @Test
    void save_overwrites_the_unit_with_the_same_id() {
        Versioned<Unit> first = store.units().byId(TRO.id()).orElseThrow();
        Versioned<Unit> renamed = first.replacedBy(new Unit(TRO.id(), "Territorial Defence", null), T0.plusSeconds(3));

        store.units().save(renamed);

        assertThat(store.units().byId(TRO.id())).contains(renamed);
        assertThat(store.units().all()).hasSize(LedgerFixtures.seedUnits().size());
    }

    @Test
    void an_unknown_unit_is_empty() {
        assertThat(store.units().byId(UnitId.of("nobody"))).isEmpty();
    }

    @Test
    void remove_forgets_the_unit() {
        store.units().remove(TRO.id());

        assertThat(store.units().byId(TRO.id())).isEmpty();
        assertThat(store.units().all()).doesNotContain(TRO).contains(AFU);
    }

    @Test
    void all_lists_every_unit_by_id() {
        assertThat(store.units().all()).extracting(u -> u.id().value())
                .containsExactly("afu", "azov", "dpsu", "navy", "nsu", "tro");
    }

    @Test
    void list_is_ordered_by_id_and_pages_through_every_unit_once() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Versioned<Unit>> page = store.units().list(new PageRequest(4, cursor));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(4);
            page.items().forEach(u -> seen.add(u.value().id().value()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactly("afu", "azov", "dpsu", "navy", "nsu", "tro");
    }

    @Test
    void a_page_that_ends_the_list_has_no_next_cursor() {
        assertThat(store.units().list(PageRequest.first(6)).next()).isEmpty();
        assertThat(store.units().list(PageRequest.first(5)).next()).isPresent();
    }
}
