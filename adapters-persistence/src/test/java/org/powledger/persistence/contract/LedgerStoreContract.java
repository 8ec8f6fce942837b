package org.powledger.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.ExchangeQuery;
import org.powledger.domain.model.PageRequest;

/** The contract of {@link org.powledger.domain.port.out.LedgerStore} itself: its name and its health. */
public abstract class LedgerStoreContract extends StoreContract {

    @Test
    void a_store_has_a_short_name_for_health_checks() {
        assertThat(store.kind()).matches("[a-z]+");
    }

    @Test
    void an_open_store_is_up() {
        assertThat(store.isUp()).isTrue();
    }

    @Test
    void a_closed_store_is_down_and_says_so_without_throwing() {
        store.close();

        assertThat(store.isUp()).isFalse();
    }

    @Test
    void closing_twice_is_harmless() {
        store.close();
        store.close();
    }

    @Test
    void a_store_holds_nothing_but_what_was_stored() {
        assertThat(store.exchanges().list(ExchangeQuery.everything(), PageRequest.first(1)).items()).isEmpty();
        assertThat(store.reports().all()).isEmpty();
        assertThat(store.tokens().all()).isEmpty();
        assertThat(store.units().all()).hasSize(LedgerFixtures.seedUnits().size());
    }
}
