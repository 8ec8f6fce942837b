package org.powledger.bootstrap;

import java.nio.file.Path;
import org.powledger.persistence.postgresql.PostgresLedgerStore;
import org.powledger.persistence.postgresql.PostgresLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Writes a consistent copy of the ledger to a new file; safe while the server runs and writes.")
final class BackupCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file (must not exist).")
    Path target;

    @Override
    public void run() {
        if (store.db.startsWith(PostgresLocation.PREFIX)) {
            throw new UsageError(PostgresLedgerStore.BACKUP_ADVICE);
        }
        try (Ledger ledger = store.openExisting()) {
            ledger.store.backupTo(target);
        } catch (UnsupportedOperationException e) {
            throw new UsageError(e.getMessage());
        }
        spec.commandLine().getOut().println("backed up to " + target.toAbsolutePath().normalize());
    }
}
