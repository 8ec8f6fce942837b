package org.powledger.domain.port.out;

import java.util.List;
import java.util.Optional;
import org.powledger.domain.model.Token;

/** API tokens, by name; only their hashes are kept. */
public interface Tokens {

    void add(Token token);

    Optional<Token> byHash(String hash);

    Optional<Token> byName(String name);

    /** Ordered by name. */
    List<Token> all();

    /** Whether a token was removed. */
    boolean remove(String name);
}
