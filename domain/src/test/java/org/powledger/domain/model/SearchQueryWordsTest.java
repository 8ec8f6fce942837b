package org.powledger.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchQueryWordsTest {

    @Test
    void an_absent_or_blank_query_has_no_words_and_filters_nothing() {
        assertThat(SearchWords.ofQuery(null)).isEmpty();
        assertThat(SearchWords.ofQuery("   ")).isEmpty();
    }

    @Test
    void a_query_of_punctuation_only_is_refused_rather_than_matching_everything() {
        for (String q : new String[] {"*", "%", "\"", "-", "()", "' ;"}) {
            assertThatThrownBy(() -> SearchWords.ofQuery(q)).as(q).isInstanceOfSatisfying(InvalidQuery.class,
                    e -> assertThat(e.violations().get(0).parameter()).isEqualTo("q"));
        }
    }

    @Test
    void punctuation_around_words_is_ignored() {
        assertThat(SearchWords.ofQuery("\"azov*\"")).containsExactly("azov");
    }
}
