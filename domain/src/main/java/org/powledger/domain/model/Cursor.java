package org.powledger.domain.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The opaque {@code cursor} of list pages: the sort key of the last item served, so that every store
 * pages the same way and a cursor survives writes in between. A checksum makes a cursor this server
 * did not give out (a typo, a truncated copy) a 400 instead of a page from somewhere unexpected.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... keyParts) {
        String joined = String.join(SEPARATOR, keyParts);
        String sealed = joined + SEPARATOR + checksum(joined);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.getBytes(StandardCharsets.UTF_8));
    }

    private static String checksum(String joined) {
        CRC32 crc = new CRC32();
        crc.update(joined.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    /** The key parts of a cursor; a cursor this server did not make is a 400 naming {@code cursor}. */
    public static List<String> decode(String cursor, int parts) {
        try {
            String sealed = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int seal = sealed.lastIndexOf(SEPARATOR);
            if (seal < 0 || !sealed.substring(seal + 1).equals(checksum(sealed.substring(0, seal)))) {
                throw new IllegalArgumentException("not sealed by this server");
            }
            List<String> split = List.of(sealed.substring(0, seal).split(SEPARATOR, -1));
            if (split.size() != parts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return split;
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("cursor", "is not a cursor this server gave out");
        }
    }
}
