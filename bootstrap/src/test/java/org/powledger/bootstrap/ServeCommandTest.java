package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The flags of {@code serve} that open the server to more than loopback names and its own origin. */
class ServeCommandTest {

    @Test
    void allowed_hosts_and_cors_origins_are_repeatable_and_comma_separated() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--allowed-host", "ledger.example.org", "--allowed-host", "a.example,b.example",
                "--cors-origin", "https://app.example", "--cors-origin", "https://other.example");

        assertThat(serve.allowedHosts).containsExactly("ledger.example.org", "a.example", "b.example");
        assertThat(serve.corsOrigins).containsExactly("https://app.example", "https://other.example");
    }

    @Test
    void without_the_flags_no_host_is_added_and_cross_origin_use_is_off() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();

        assertThat(serve.allowedHosts).as("POWLEDGER_ALLOWED_HOSTS unset in tests").isNullOrEmpty();
        assertThat(serve.corsOrigins).isNullOrEmpty();
    }
}
