package org.powledger.web.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.powledger.web.problem.HttpProblem;
import org.powledger.web.problem.ProblemError;
import org.powledger.web.problem.ProblemTypes;

/**
 * The {@code Idempotency-Key} header of {@code POST /api/v1/exchanges} and {@code /reports}: its shape, and the fingerprint
 * of the request it names. The use case keeps keys in the store, so retries are recognised across
 * restarts and instances.
 */
public final class IdempotencyKeyHeader {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private IdempotencyKeyHeader() {
    }

    public static String validKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw HttpProblem.badRequest(ProblemTypes.INVALID_HEADER,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters",
                    List.of(ProblemError.ofHeader(HEADER, "must be 1 to 255 visible ASCII characters")));
        }
        return key;
    }

    /** SHA-256 of the request as the server understood it (the body re-written canonically). */
    public static String fingerprint(byte[] canonicalBody) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalBody));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
