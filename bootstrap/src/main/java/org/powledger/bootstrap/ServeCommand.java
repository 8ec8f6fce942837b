package org.powledger.bootstrap;

import java.io.PrintWriter;
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

    @Option(names = "--log-format", defaultValue = "${env:POWLEDGER_LOG_FORMAT:-text}",
            description = "How logs (one access-log line per request among them) are written on stderr: "
                    + "text or json (one JSON object a line). Env: POWLEDGER_LOG_FORMAT. Default: ${DEFAULT-VALUE}")
    LogFormat logFormat;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageError("--port must be between 0 and 65535");
        }
        logFormat.use();
        PrintWriter out = spec.commandLine().getOut();
        Server server;
        try {
            server = Server.start(store.db, host, port, requireReadToken);
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                throw new UsageError("cannot listen on " + host + ":" + port + ": " + Main.oneLine(e));
            }
            throw e;
        }
        server.ledger().tokens.createFirstAdminIfNone().ifPresent(token -> {
            out.println("Created the first admin token (shown once, keep it safe):");
            out.println(token);
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "powledger-shutdown"));
        out.println("POW Ledger " + Version.current() + " listening on http://" + host + ":" + server.port()
                + " (store: " + server.ledger().store.kind() + ")");
        out.flush();
        stopped.await();
        return 0;
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }
}
