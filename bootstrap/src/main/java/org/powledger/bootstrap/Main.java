package org.powledger.bootstrap;

import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.port.in.ImportRejected;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code powledger} command line: exit 0 on success, 1 with one line on stderr otherwise. */
@Command(name = "powledger", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"POW Ledger: a ledger of prisoner exchanges and the statistics drawn from them.",
                "Only serve (and copy --to) create a ledger; every other command needs the --db of one that exists."},
        subcommands = {ServeCommand.class, ImportCommand.class, ExportCommand.class, BackupCommand.class,
                CheckCommand.class, TokenCommand.class, CopyCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, arguments) -> {
            ex.getCommandLine().getErr().println("powledger: " + ex.getMessage()
                    + " (see --help)");
            return 1;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("powledger: " + oneLine(ex));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new UsageError("a command is needed: serve, import, export, backup, check, token or copy (see --help)");
    }

    /** What went wrong, in one line a person can act on; never a stack trace. */
    static String oneLine(Throwable ex) {
        if (ex instanceof InvalidRecord invalid) {
            return "invalid data: " + invalid.getMessage();
        }
        if (ex instanceof ImportRejected rejected) {
            return "import refused, nothing written: " + rejected.getMessage();
        }
        if (ex instanceof UsageError || ex instanceof NotFound || ex instanceof Conflict
                || ex instanceof InvalidQuery || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"powledger " + Version.current()};
        }
    }
}
