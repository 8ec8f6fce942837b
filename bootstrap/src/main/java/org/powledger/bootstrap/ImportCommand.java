package org.powledger.bootstrap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.powledger.domain.model.Actor;
import org.powledger.domain.port.in.ImportLine;
import org.powledger.domain.port.in.ImportRejected;
import org.powledger.domain.port.in.TransferringLedger.ImportOutcome;
import org.powledger.web.transfer.LedgerFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a ledger file, all or nothing: NDJSON (units, cohorts, exchanges, reports) or CSV "
                + "(exchanges). Records with a known id or ref are updated; unchanged ones are counted as such.",
                "Shows a progress bar on a terminal, nothing when piped."})
final class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "FILE", description = "The file to import (.csv is read as CSV, anything else as NDJSON).")
    Path file;

    @Option(names = "--format", description = "ndjson or csv (default: from the file name)")
    String format;

    @Option(names = "--dry-run", description = "Check every line, write nothing.")
    boolean dryRun;

    @Override
    public void run() {
        if (!Files.isRegularFile(file)) {
            throw new UsageError("no such file: " + file);
        }
        boolean csv = isCsv();
        // A progress bar only on a terminal: a script reading the output wants the summary line alone.
        boolean terminal = System.console() != null;
        try (Ledger ledger = store.openExisting();
             InputStream raw = Files.newInputStream(file);
             InputStream in = new BufferedInputStream(terminal ? ProgressBar.wrap(raw, progress(file)) : raw,
                     1 << 16)) {
            Iterator<ImportLine> lines = csv ? LedgerFiles.csv(in) : LedgerFiles.ndjson(in);
            ImportOutcome outcome = ledger.transfer.importLines(lines, dryRun, Actor.system("cli"));
            spec.commandLine().getOut().printf("%s%d created, %d updated, %d unchanged%n",
                    dryRun ? "dry run, nothing written: " : "", outcome.created(), outcome.updated(),
                    outcome.unchanged());
        } catch (IOException e) {
            throw new UsageError("cannot read " + file + ": " + e.getMessage());
        } catch (ImportRejected rejected) {
            // Every bad line, as the HTTP import's 422 lists them, so that one run shows all there is to fix.
            PrintWriter err = spec.commandLine().getErr();
            rejected.problems().forEach(p -> err.println("line " + p.line() + " " + p.pointer() + ": " + p.message()));
            throw new UsageError("import refused, nothing written: " + rejected.problems().size()
                    + (rejected.truncated() ? " or more" : "") + " bad line(s), listed above");
        }
    }

    private boolean isCsv() {
        if (format == null) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        }
        return switch (format) {
            case "csv" -> true;
            case "ndjson" -> false;
            default -> throw new UsageError("--format must be ndjson or csv");
        };
    }

    private static ProgressBarBuilder progress(Path file) throws IOException {
        return new ProgressBarBuilder().setTaskName("import").setInitialMax(Files.size(file))
                .setUnit(" MiB", 1 << 20).showSpeed();
    }
}
