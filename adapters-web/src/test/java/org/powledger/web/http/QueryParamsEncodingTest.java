package org.powledger.web.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.powledger.domain.model.InvalidQuery;

class QueryParamsEncodingTest {

    @Test
    void well_formed_queries_pass() {
        assertThatCode(() -> QueryParams.requireWellFormed("q=%D0%B0%D0%B7%D0%BE%D0%B2&from=2024-01-01&mediator=Saudi+Arabia&flag"))
                .doesNotThrowAnyException();
        assertThatCode(() -> QueryParams.requireWellFormed(null)).doesNotThrowAnyException();
    }

    @Test
    void a_malformed_value_names_its_parameter() {
        assertThatThrownBy(() -> QueryParams.requireWellFormed("limit=2&from=%zz"))
                .isInstanceOf(InvalidQuery.class).hasMessageStartingWith("from:");
        assertThatThrownBy(() -> QueryParams.requireWellFormed("q=abc%4"))
                .isInstanceOf(InvalidQuery.class).hasMessageStartingWith("q:");
    }

    @Test
    void bytes_that_are_not_utf8_are_malformed() {
        assertThatThrownBy(() -> QueryParams.requireWellFormed("q=%E2%82"))
                .isInstanceOf(InvalidQuery.class).hasMessageStartingWith("q:");
    }

    @Test
    void a_malformed_name_is_malformed() {
        assertThatThrownBy(() -> QueryParams.requireWellFormed("%zz=1")).isInstanceOf(InvalidQuery.class);
    }
}
