package org.powledger.bootstrap;

import java.io.PrintWriter;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Token;
import org.powledger.persistence.LedgerStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Creates, lists and revokes API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new UsageError("token needs a subcommand: create, list or revoke");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a token and prints it once; only its hash is stored.")
    static final class Create implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "NAME", description = "Name of the token (shown as the actor in history).")
        String name;
        @Option(names = "--scope", required = true, description = "read, write or admin")
        String scope;

        @Override
        public void run() {
            AccessScope parsed = AccessScope.parse(scope)
                    .orElseThrow(() -> new UsageError("--scope must be one of read, write, admin"));
            if (store.db.equals(LedgerStores.MEMORY)) {
                throw new UsageError("token create needs the --db of the ledger the server uses: a token made in "
                        + "memory: is gone when this command ends, and no server could ever accept it");
            }
            try (Ledger ledger = store.openExisting()) {
                spec.commandLine().getOut().println(ledger.tokens.create(name, parsed));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists tokens (never their secrets).")
    static final class ListTokens implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (Ledger ledger = store.openExisting()) {
                java.util.List<Token> tokens = ledger.tokens.list();
                if (tokens.isEmpty()) {
                    out.println("No tokens. Create one with: token create NAME --scope read|write|admin");
                    return;
                }
                int width = Math.max("NAME".length(), tokens.stream().mapToInt(t -> t.name().length()).max().orElse(0));
                String row = "%-" + width + "s  %-6s  %s";
                out.println(String.format(row, "NAME", "SCOPE", "CREATED (UTC)"));
                for (Token token : tokens) {
                    // Seconds are precise enough to tell tokens apart, and readable.
                    out.println(String.format(row, token.name(), token.scope().wireName(),
                            token.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
                }
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes a token; a running server refuses it from the next request on.")
    static final class Revoke implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public void run() {
            try (Ledger ledger = store.openExisting()) {
                ledger.tokens.revoke(name);
                spec.commandLine().getOut().println("revoked " + name);
            }
        }
    }
}
