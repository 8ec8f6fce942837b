package org.powledger.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.Token;

/** The contract of {@link org.powledger.domain.port.out.Tokens}. */
public abstract class TokensContract extends StoreContract {

    private static final Token ADMIN = new Token("admin", AccessScope.ADMIN, "hash-admin", T0);
    private static final Token SCRIPT = new Token("nightly-import", AccessScope.WRITE, "hash-script", T0);
    private static final Token DASHBOARD = new Token("dashboard", AccessScope.READ, "hash-dash", T0.plusSeconds(1));

    @Test
    void a_token_is_found_by_its_hash_and_by_its_name() {
        store.tokens().add(SCRIPT);

        assertThat(store.tokens().byHash("hash-script")).contains(SCRIPT);
        assertThat(store.tokens().byName("nightly-import")).contains(SCRIPT);
        assertThat(store.tokens().byHash("hash-unknown")).isEmpty();
        assertThat(store.tokens().byName("unknown")).isEmpty();
    }

    @Test
    void all_lists_tokens_by_name() {
        store.tokens().add(SCRIPT);
        store.tokens().add(ADMIN);
        store.tokens().add(DASHBOARD);

        assertThat(store.tokens().all()).containsExactly(ADMIN, DASHBOARD, SCRIPT);
    }

    @Test
    void a_removed_token_is_found_no_more() {
        store.tokens().add(ADMIN);
        store.tokens().add(SCRIPT);

        assertThat(store.tokens().remove("nightly-import")).isTrue();

        assertThat(store.tokens().byHash("hash-script")).isEmpty();
        assertThat(store.tokens().all()).containsExactly(ADMIN);
    }

    @Test
    void removing_an_unknown_token_says_so() {
        assertThat(store.tokens().remove("nobody")).isFalse();
    }

    @Test
    void a_name_already_used_is_a_conflict() {
        store.tokens().add(ADMIN);

        assertThatThrownBy(() -> store.tokens().add(new Token("admin", AccessScope.READ, "other-hash", T0)))
                .isInstanceOf(Conflict.class);
        assertThat(store.tokens().all()).containsExactly(ADMIN);
    }
}
