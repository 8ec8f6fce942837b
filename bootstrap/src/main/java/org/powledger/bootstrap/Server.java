package org.powledger.bootstrap;

import org.powledger.web.HttpApi;
import org.powledger.web.WebSettings;

/** The HTTP server over one ledger: what {@code serve} runs, and what end-to-end tests start in-process. */
final class Server implements AutoCloseable {

    private final Ledger ledger;
    private final HttpApi api;

    private Server(Ledger ledger, HttpApi api) {
        this.ledger = ledger;
        this.api = api;
    }

    /** Opens the ledger {@code db} names and serves it on {@code host:port} (port 0: any free port). */
    static Server start(String db, String host, int port, boolean requireReadToken) {
        Ledger ledger = Ledger.open(db);
        try {
            HttpApi api = new HttpApi(ledger.exchanges, ledger.units, ledger.cohorts, ledger.reports, ledger.statistics,
                    ledger.transfer, ledger.tokens,
                    ledger.health, new WebSettings(requireReadToken, Version.current()));
            return new Server(ledger, api.start(host, port));
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    Ledger ledger() {
        return ledger;
    }

    int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.stop();
        ledger.close();
    }
}
