package org.powledger.persistence.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.Token;
import org.powledger.domain.port.out.Tokens;

final class InMemoryTokens implements Tokens {

    private final MemoryLedger ledger;
    private final TreeMap<String, Token> byName = new TreeMap<>();

    InMemoryTokens(MemoryLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void add(Token token) {
        ledger.write(() -> {
            if (byName.containsKey(token.name())) {
                throw new Conflict("A token named '" + token.name() + "' already exists", token.name());
            }
            if (byName.values().stream().anyMatch(t -> t.hash().equals(token.hash()))) {
                throw new Conflict("Another token has the same hash");
            }
            byName.put(token.name(), token);
            ledger.onRollback(() -> byName.remove(token.name()));
        });
    }

    @Override
    public Optional<Token> byHash(String hash) {
        return ledger.read(() -> byName.values().stream().filter(t -> t.hash().equals(hash)).findFirst());
    }

    @Override
    public Optional<Token> byName(String name) {
        return ledger.read(() -> Optional.ofNullable(byName.get(name)));
    }

    @Override
    public List<Token> all() {
        return ledger.read(() -> new ArrayList<>(byName.values()));
    }

    @Override
    public boolean remove(String name) {
        return ledger.write(() -> {
            Token old = byName.remove(name);
            if (old != null) {
                ledger.onRollback(() -> byName.put(name, old));
            }
            return old != null;
        });
    }
}
