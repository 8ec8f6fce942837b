package org.powledger.application.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Token;
import org.powledger.domain.port.in.Authenticating;
import org.powledger.domain.port.in.ManagingTokens;
import org.powledger.domain.port.out.LedgerStore;

/**
 * API tokens: 256 random bits shown once, stored only as a SHA-256 hash (a high-entropy secret
 * needs no slow hash), looked up on every request so that a revoke takes effect at once.
 */
public final class TokenService implements Authenticating, ManagingTokens {

    public static final String FIRST_ADMIN = "admin";
    private static final String PREFIX = "pow_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LedgerStore store;
    private final Clock clock;

    public TokenService(LedgerStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Optional<Actor> authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(bearerToken.strip());
        return store.tokens().byHash(hash)
                .filter(token -> MessageDigest.isEqual(token.hash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .map(token -> new Actor(token.name(), token.scope()));
    }

    @Override
    public String create(String name, AccessScope scope) {
        return store.transactions().write(() -> issue(name, scope));
    }

    @Override
    public Optional<String> createFirstAdminIfNone() {
        return store.transactions().write(() -> store.tokens().all().isEmpty()
                ? Optional.of(issue(FIRST_ADMIN, AccessScope.ADMIN))
                : Optional.<String>empty());
    }

    @Override
    public List<Token> list() {
        return store.transactions().read(() -> store.tokens().all());
    }

    @Override
    public void revoke(String name) {
        store.transactions().write(() -> {
            if (!store.tokens().remove(name)) {
                throw new NotFound("token", name);
            }
        });
    }

    private String issue(String name, AccessScope scope) {
        if (store.tokens().byName(name).isPresent()) {
            throw new Conflict("a token named '" + name + "' already exists");
        }
        // Revoking deletes a token but not the history it wrote: a new token of the same name would show
        // in that history as the same actor, so the name stays taken.
        if (store.history().hasActor(name)) {
            throw new Conflict("the name '" + name + "' belonged to a revoked token whose changes are in the "
                    + "history; a new token of that name would be confused with it there: choose another name");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        store.tokens().add(new Token(name, Objects.requireNonNull(scope, "scope"), hash(token), clock.instant()));
        return token;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
