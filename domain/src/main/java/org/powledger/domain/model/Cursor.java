package org.powledger.domain.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code cursor} of list pages: the sort key of the last item served, so that every store
 * pages the same way and a cursor survives writes in between.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... keyParts) {
        String joined = String.join(SEPARATOR, keyParts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The key parts of a cursor; a cursor this server did not make is a 400 naming {@code cursor}. */
    public static List<String> decode(String cursor, int parts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> split = List.of(joined.split(SEPARATOR, -1));
            if (split.size() != parts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return split;
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("cursor", "is not a cursor this server gave out");
        }
    }
}
