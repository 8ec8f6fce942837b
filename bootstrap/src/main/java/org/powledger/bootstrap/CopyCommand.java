package org.powledger.bootstrap;

import java.util.Map;
import org.powledger.persistence.sql.SqlLedgerCopy;
import org.powledger.persistence.sql.SqlLedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "copy", mixinStandardHelpOptions = true,
        description = "Moves a whole ledger (versions, timestamps, history, reports, tokens, idempotency keys) "
                + "from one store to another, empty one: a SQLite file or a jdbc:postgresql:// URL.")
final class CopyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DB", description = "The ledger to copy (must exist).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DB",
            description = "The store to fill: a new or empty SQLite file, or an empty PostgreSQL database.")
    String to;

    @Override
    public void run() {
        if (from.equals(to)) {
            throw new UsageError("copy needs two different stores; --from and --to are both " + from);
        }
        try (Ledger source = StoreOption.openExisting(from); Ledger target = Ledger.open(to)) {
            SqlLedgerCopy.Copied copied = SqlLedgerCopy.copy(sql(source, "--from"), sql(target, "--to"));
            Map<String, Long> rows = copied.rows();
            spec.commandLine().getOut().printf("copied %d exchanges, %d history entries, %d reports, %d tokens, "
                            + "%d units, %d cohorts%n", rows.get("exchange"), rows.get("exchange_history"),
                    rows.get("report"), rows.get("token"), rows.get("unit"), rows.get("cohort"));
        } catch (IllegalStateException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static SqlLedgerStore sql(Ledger ledger, String option) {
        if (ledger.store instanceof SqlLedgerStore store) {
            return store;
        }
        throw new UsageError(option + ": copy moves ledgers between SQLite files and PostgreSQL databases; the "
                + ledger.store.kind() + " store is gone when the process ends");
    }
}
