package org.powledger.domain.model;

import java.security.SecureRandom;

/** The server-assigned, opaque id of an exchange record. */
public record ExchangeId(String value) {

    /** The shape, for messages: checked by {@link #isValid} without a regular expression (a hot path of the statistics). */
    static final String SHAPE = "^[A-Za-z0-9_-]{1,64}$";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    public ExchangeId {
        if (!isValid(value)) {
            throw InvalidRecord.of("", "is not an exchange id");
        }
    }

    public static ExchangeId of(String value) {
        return new ExchangeId(value);
    }

    /** A fresh id: "ex_" and 16 random base-32 characters (80 bits). */
    public static ExchangeId random() {
        return new ExchangeId("ex_" + randomBase32(16));
    }

    static String randomBase32(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    /** Whether {@code value} has the shape {@value #SHAPE}. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
