package org.powledger.domain.port.in;

/** Whether the server and its store are up, for {@code /health}. */
public interface CheckingHealth {

    Health check();

    record Health(boolean up, String store, String version) {
    }
}
