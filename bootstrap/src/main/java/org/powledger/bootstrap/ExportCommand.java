package org.powledger.bootstrap;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
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
        // Straight to the file descriptor: the export streams, never held whole in memory.
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        try (Ledger ledger = store.open()) {
            LedgerFiles.writeNdjson(ledger.transfer, out);
            out.flush();
        } catch (IOException e) {
            throw new UsageError("cannot write the export: " + e.getMessage());
        }
    }
}
