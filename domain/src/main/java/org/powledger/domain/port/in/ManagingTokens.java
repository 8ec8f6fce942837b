package org.powledger.domain.port.in;

import java.util.List;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Token;

/** Issuing and revoking API tokens (from the command line). */
public interface ManagingTokens {

    /** Stores a new token and returns its secret, which is shown once and never stored. */
    String create(String name, AccessScope scope);

    /** Creates an admin token named "admin" when the store has no token at all; its secret, if created. */
    java.util.Optional<String> createFirstAdminIfNone();

    List<Token> list();

    void revoke(String name);
}
