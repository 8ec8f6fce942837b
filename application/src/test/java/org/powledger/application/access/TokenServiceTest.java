package org.powledger.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.powledger.application.MockedStore;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Token;

class TokenServiceTest {

    private final MockedStore ports = new MockedStore();
    private final TokenService tokens = new TokenService(ports.store,
            Clock.fixed(Instant.parse("2025-01-02T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_token_is_stored_only_as_its_hash_and_then_authenticates() {
        when(ports.tokens.byName("scraper")).thenReturn(Optional.empty());

        String secret = tokens.create("scraper", AccessScope.WRITE);

        ArgumentCaptor<Token> stored = ArgumentCaptor.forClass(Token.class);
        verify(ports.tokens).add(stored.capture());
        assertThat(stored.getValue().hash()).isNotEqualTo(secret).doesNotContain(secret)
                .isEqualTo(TokenService.hash(secret));
        when(ports.tokens.byHash(TokenService.hash(secret))).thenReturn(Optional.of(stored.getValue()));
        assertThat(tokens.authenticate(secret)).contains(new Actor("scraper", AccessScope.WRITE));
    }

    @Test
    void an_unknown_token_authenticates_nobody() {
        when(ports.tokens.byHash(any())).thenReturn(Optional.empty());

        assertThat(tokens.authenticate("pow_guess")).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
    }

    @Test
    void the_first_admin_token_is_made_only_when_there_is_no_token() {
        when(ports.tokens.all()).thenReturn(List.of(new Token("ci", AccessScope.READ, "h", Instant.EPOCH)));

        assertThat(tokens.createFirstAdminIfNone()).isEmpty();
        verify(ports.tokens, never()).add(any());
    }
}
