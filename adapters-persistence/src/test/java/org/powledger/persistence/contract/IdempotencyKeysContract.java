package org.powledger.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.IdempotentRequest;

/** The contract of {@link org.powledger.domain.port.out.IdempotencyKeys}. */
public abstract class IdempotencyKeysContract extends StoreContract {

    private static final IdempotentRequest FIRST =
            new IdempotentRequest(IdempotentRequest.scoped("scraper", "k-1"), "fp-1", "ex_1", T0);

    @Test
    void a_remembered_request_is_found_by_its_scoped_key() {
        store.idempotencyKeys().remember(FIRST);

        assertThat(store.idempotencyKeys().find(FIRST.key())).contains(FIRST);
        assertThat(store.idempotencyKeys().find(IdempotentRequest.scoped("other-client", "k-1"))).isEmpty();
    }

    @Test
    void a_key_is_remembered_once() {
        store.idempotencyKeys().remember(FIRST);

        assertThatThrownBy(() -> store.idempotencyKeys().remember(
                new IdempotentRequest(FIRST.key(), "fp-2", "ex_2", T0)))
                .isInstanceOf(Conflict.class);
        assertThat(store.idempotencyKeys().find(FIRST.key())).contains(FIRST);
    }

    @Test
    void requests_older_than_the_cutoff_are_forgotten() {
        IdempotentRequest later = new IdempotentRequest(IdempotentRequest.scoped("scraper", "k-2"), "fp",
                "ex_2", T0.plusSeconds(3600));
        store.idempotencyKeys().remember(FIRST);
        store.idempotencyKeys().remember(later);

        store.idempotencyKeys().forgetBefore(T0.plusSeconds(60));

        assertThat(store.idempotencyKeys().find(FIRST.key())).isEmpty();
        assertThat(store.idempotencyKeys().find(later.key())).contains(later);
    }

    @Test
    void a_rolled_back_write_remembers_nothing() {
        assertThatThrownBy(() -> store.transactions().write(() -> {
            store.idempotencyKeys().remember(FIRST);
            throw new IllegalStateException("the create failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.idempotencyKeys().find(FIRST.key())).isEmpty();
    }
}
