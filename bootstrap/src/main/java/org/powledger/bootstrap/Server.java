package org.powledger.bootstrap;

import java.util.List;
import java.time.Duration;
import java.util.function.Consumer;
import org.powledger.domain.port.out.Transactions;
import org.powledger.web.HttpApi;
import org.powledger.web.WebSettings;
import org.powledger.web.metrics.HttpMetrics;

/**
 * The HTTP server over one ledger: what {@code serve} runs, and what end-to-end tests start in-process.
 * It owns the meter registry {@code GET /metrics} serves.
 */
final class Server implements AutoCloseable {

    private final Meters meters;
    private final Ledger ledger;
    private final HttpApi api;

    private Server(Meters meters, Ledger ledger, HttpApi api) {
        this.meters = meters;
        this.ledger = ledger;
        this.api = api;
    }

    /** Opens the ledger {@code db} names and serves it on {@code host:port} (port 0: any free port). */
    static Server start(String db, String host, int port, boolean requireReadToken) {
        return start(db, host, port, requireReadToken, List.of(), List.of(), Transactions.WRITE_WAIT, token -> { });
    }

    /**
     * {@link #start(String, String, int, boolean)}, also serving the host names {@code allowedHosts},
     * letting {@code corsOrigins} call the API, with writes waiting at most {@code writeWait} for the
     * store (then 503). When the ledger has no token yet, the first admin token is created and handed
     * to {@code firstAdminToken} before the server listens: whoever sees it answer can read the token.
     */
    static Server start(String db, String host, int port, boolean requireReadToken, List<String> allowedHosts,
                        List<String> corsOrigins, Duration writeWait, Consumer<String> firstAdminToken) {
        Meters meters = Meters.start();
        Ledger ledger = null;
        try {
            ledger = Ledger.open(db, meters.registry, writeWait);
            ledger.tokens.createFirstAdminIfNone().ifPresent(firstAdminToken);
            HttpApi api = new HttpApi(ledger.exchanges, ledger.units, ledger.cohorts, ledger.reports, ledger.statistics,
                    ledger.transfer, ledger.tokens, ledger.health,
                    new WebSettings(requireReadToken, Version.current()).withMetrics(new HttpMetrics(meters.registry, meters::bindJvm))
                            .withAllowedHosts(allowedHosts).withCorsOrigins(corsOrigins));
            Server server = new Server(meters, ledger, api.start(host, port));
            ledger.warmUpStatistics();
            return server;
        } catch (RuntimeException e) {
            if (ledger != null) {
                ledger.close();
            }
            meters.close();
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
        meters.close();
    }
}
