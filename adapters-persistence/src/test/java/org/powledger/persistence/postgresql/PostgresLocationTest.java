package org.powledger.persistence.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresLocationTest {

    @Test
    void credentials_come_from_the_environment() {
        PostgresLocation location = PostgresLocation.of("jdbc:postgresql://db:5432/ledger",
                Map.of("POWLEDGER_DB_USER", "ledger", "POWLEDGER_DB_PASSWORD", "s3cret"));

        assertThat(location.user()).isEqualTo("ledger");
        assertThat(location.password()).isEqualTo("s3cret");
    }

    @Test
    void its_name_shows_no_credential() {
        assertThat(PostgresLocation.of("jdbc:postgresql://db:5432/ledger?user=ledger&password=s3cret", Map.of())
                .toString()).isEqualTo("jdbc:postgresql://db:5432/ledger");
        assertThat(new PostgresLocation("jdbc:postgresql://ledger:s3cret@db/ledger", null, "s3cret").toString())
                .isEqualTo("jdbc:postgresql://db/ledger");
    }

    @Test
    void only_a_postgresql_url_is_a_location() {
        assertThatThrownBy(() -> PostgresLocation.of("ledger.db", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
