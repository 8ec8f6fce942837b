package org.powledger.domain.model;

import java.util.Objects;

/** Who is making a request: the token's name and scope, or an anonymous reader. */
public record Actor(String name, AccessScope scope) {

    public static final Actor ANONYMOUS = new Actor("anonymous", null);

    public static Actor system(String name) {
        return new Actor(Objects.requireNonNull(name), AccessScope.ADMIN);
    }

    public boolean may(AccessScope needed) {
        return scope != null && scope.allows(needed);
    }
}
