package org.powledger.web.http;

import org.powledger.domain.model.InvalidRecord;

/**
 * The one home of what an {@code id} in a request body may say (API.md, "Conventions"): the other
 * server-managed fields are ignored, but an id that names another record must not be silently dropped.
 */
public final class BodyIds {

    private BodyIds() {
    }

    /** A create of a record whose id the server assigns: an id in the body is refused. */
    public static void requireNone(String idInBody) {
        if (idInBody != null) {
            throw InvalidRecord.of("/id", "ids are the server's; use ref for your own key, or leave id out");
        }
    }

    /** A replace: an id in the body must be the path's. */
    public static void requireSame(String idInBody, String pathId) {
        if (idInBody != null && !idInBody.equals(pathId)) {
            throw InvalidRecord.of("/id", "must match the id in the path ('" + pathId + "') or be left out");
        }
    }
}
