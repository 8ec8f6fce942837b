package org.powledger.web.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.web.ApiTest;
import org.powledger.web.WebSettings;

/** HEAD answers what GET would, through the GET's own handler, without a body. */
class HeadTest extends ApiTest {

    private static final ExchangeId UNKNOWN = ExchangeId.of("ex_ffffffffffffffff");
    private boolean readsClosed;

    @Override
    protected WebSettings settings() {
        return new WebSettings(readsClosed, "1.2.3");
    }

    @Test
    void head_of_an_unknown_exchange_is_404_like_get() {
        when(exchanges.get(UNKNOWN)).thenThrow(new NotFound("exchange", UNKNOWN.value()));
        api(client -> {
            Reply get = client.get("/api/v1/exchanges/" + UNKNOWN.value()).send();
            Reply head = client.call("HEAD", "/api/v1/exchanges/" + UNKNOWN.value()).send();

            assertThat(head.status()).isEqualTo(get.status()).isEqualTo(404);
            assertThat(head.contentType()).isEqualTo(get.contentType());
            assertThat(head.body()).isEmpty();
        });
    }

    @Test
    void head_of_an_exchange_carries_the_etag_of_get_and_no_body() {
        when(exchanges.get(ExchangeRoutesTest.ID)).thenReturn(ExchangeRoutesTest.stored(3));
        api(client -> {
            Reply head = client.call("HEAD", "/api/v1/exchanges/" + ExchangeRoutesTest.ID.value()).send();

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("ETag")).isEqualTo("\"3\"");
            assertThat(head.body()).isEmpty();
        });
    }

    @Test
    void head_answers_304_to_the_current_etag_as_get_does() {
        when(exchanges.get(ExchangeRoutesTest.ID)).thenReturn(ExchangeRoutesTest.stored(3));
        api(client -> assertThat(client.call("HEAD", "/api/v1/exchanges/" + ExchangeRoutesTest.ID.value())
                .header("If-None-Match", "\"3\"").send().status()).isEqualTo(304));
    }

    @Test
    void head_of_a_list_with_an_invalid_limit_is_400_like_get() {
        api(client -> {
            Reply head = client.call("HEAD", "/api/v1/exchanges?limit=0").send();

            assertThat(head.status()).isEqualTo(400);
            assertThat(head.contentType()).startsWith("application/problem+json");
            assertThat(head.body()).isEmpty();
        });
        verifyNoInteractions(exchanges);
    }

    @Test
    void head_of_a_list_is_200_with_the_link_get_gives() {
        when(exchanges.list(any(), any())).thenReturn(new Page<>(List.of(ExchangeRoutesTest.stored(1)), "next-one"));
        api(client -> {
            Reply head = client.call("HEAD", "/api/v1/exchanges?limit=1").send();

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Link")).contains("rel=\"next\"");
        });
    }

    @Test
    void head_needs_a_token_where_reads_are_closed() {
        readsClosed = true;
        api(client -> {
            assertThat(client.call("HEAD", "/api/v1/exchanges/" + ExchangeRoutesTest.ID.value()).send().status())
                    .isEqualTo(401);
            assertThat(client.call("HEAD", "/api/v1/stats/summary").send().status()).isEqualTo(401);
            assertThat(client.call("HEAD", "/api/v1/export").send().status()).isEqualTo(401);
        });
        verifyNoInteractions(exchanges, statistics, transfer);
    }

    @Test
    void a_head_with_a_bad_token_is_401_even_where_reads_are_open() {
        api(client -> assertThat(client.call("HEAD", "/api/v1/units").token("nobody").send().status())
                .isEqualTo(401));
        verifyNoInteractions(units);
    }

    @Test
    void a_method_no_route_has_still_passes_the_door_first() {
        api(client -> assertThat(client.call("PATCH", "/api/v1/exchanges/" + ExchangeRoutesTest.ID.value())
                .noToken().send().status()).isEqualTo(401));
    }
}
