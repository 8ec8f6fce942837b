package org.powledger.bootstrap;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the HTTP server until stopped (SIGTERM or Ctrl-C shut it down gracefully).")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--port", defaultValue = "${env:POWLEDGER_PORT:-8080}",
            description = "Port to listen on. Env: POWLEDGER_PORT. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "${env:POWLEDGER_HOST:-127.0.0.1}",
            description = "Address to listen on. Env: POWLEDGER_HOST. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--require-read-token", defaultValue = "${env:POWLEDGER_REQUIRE_READ_TOKEN:-false}",
            description = "Close reads too: every request needs a token. Env: POWLEDGER_REQUIRE_READ_TOKEN.")
    boolean requireReadToken;

    @Option(names = "--allowed-host", split = ",", defaultValue = "${env:POWLEDGER_ALLOWED_HOSTS}",
            description = "A host name to serve besides loopback ones (repeatable; on a loopback address others get "
                    + "421, elsewhere only these are served). Env: POWLEDGER_ALLOWED_HOSTS (comma-separated).")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--cors-origin", split = ",", defaultValue = "${env:POWLEDGER_CORS_ORIGINS}",
            description = "An origin whose web app may call the API from a browser, like https://app.example.org "
                    + "(repeatable; cross-origin use is off without it). Env: POWLEDGER_CORS_ORIGINS (comma-separated).")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--write-wait", paramLabel = "SECONDS", defaultValue = "${env:POWLEDGER_WRITE_WAIT:-5}",
            description = "How long a write waits for the store while another write holds it; then it is "
                    + "refused with 503 and Retry-After. Env: POWLEDGER_WRITE_WAIT. Default: ${DEFAULT-VALUE}")
    double writeWaitSeconds;

    @Option(names = "--log-format", defaultValue = "${env:POWLEDGER_LOG_FORMAT:-text}",
            description = "How logs (one access-log line per request among them) are written on stderr: "
                    + "text or json (one JSON object a line). Env: POWLEDGER_LOG_FORMAT. Default: ${DEFAULT-VALUE}")
    LogFormat logFormat;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageError("--port must be between 0 and 65535");
        }
        if (!(writeWaitSeconds > 0 && writeWaitSeconds <= 600)) {
            throw new UsageError("--write-wait must be more than 0 and at most 600 seconds");
        }
        logFormat.use();
        PrintWriter out = spec.commandLine().getOut();
        Server server;
        try {
            // The first admin token is printed before the server listens (a script that waits for /health finds it).
            server = Server.start(store.db, host, port, requireReadToken, names(allowedHosts), names(corsOrigins),
                    Duration.ofMillis(Math.round(writeWaitSeconds * 1000)), token -> {
                        out.println("Created the first admin token (shown once, keep it safe):");
                        out.println(token);
                        out.flush();
                    });
        } catch (RuntimeException e) {
            if (causedBy(e, java.nio.channels.UnresolvedAddressException.class)) {
                throw new UsageError("cannot listen on " + host + ":" + port + ": " + host + " is not an address "
                        + "this machine has; give --host an address of this machine, like 127.0.0.1 (this machine "
                        + "only) or 0.0.0.0 (every network interface)");
            }
            if (causedBy(e, java.net.BindException.class)) {
                throw new UsageError("cannot listen on " + host + ":" + port + ": " + Main.oneLine(e));
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            server.close();
            LogFormat.flush();
            stopped.countDown();
        }, "powledger-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        out.println("POW Ledger " + Version.current() + " listening on http://" + host + ":" + server.port()
                + " (store: " + server.ledger().store.kind() + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Run in-process (tests), the thread that runs serve stops it by interrupting it.
            Runtime.getRuntime().removeShutdownHook(shutdown);
            server.close();
            throw e;
        }
        return 0;
    }

    /** The values given, blank ones (an empty environment variable) left out. */
    private static List<String> names(List<String> given) {
        return given == null ? List.of() : given.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
