package org.powledger.domain.port.in;

import java.util.Optional;
import org.powledger.domain.model.Actor;

/** Turning a bearer token into the actor it names; empty for a token that is unknown or revoked. */
public interface Authenticating {

    Optional<Actor> authenticate(String bearerToken);
}
