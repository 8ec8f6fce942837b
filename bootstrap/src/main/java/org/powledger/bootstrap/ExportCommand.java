package org.powledger.bootstrap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.powledger.web.transfer.LedgerFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the whole ledger to stdout as NDJSON that `import` takes back (same ids, same statistics).")
final class ExportCommand implements Runnable {

    @Mixin
    StoreOption store;

    @Override
    public void run() {
        // Streamed through a buffer: the export is never held whole in memory.
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        try (Ledger ledger = store.openExisting()) {
            LedgerFiles.writeNdjson(ledger.transfer, out);
            out.flush();
        } catch (IOException e) {
            throw new UsageError("cannot write the export: " + e.getMessage());
        }
    }
}
