package org.powledger.bootstrap;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks the store's integrity and the ledger's own invariants; exit 1 if anything is wrong.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        try (Ledger ledger = store.openExisting()) {
            List<String> problems = ledger.integrity.check();
            if (problems.isEmpty()) {
                spec.commandLine().getOut().println("ok: the ledger is sound");
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            problems.forEach(p -> err.println("problem: " + p));
            err.println("powledger: check found " + problems.size() + " problem(s)");
            return 1;
        }
    }
}
