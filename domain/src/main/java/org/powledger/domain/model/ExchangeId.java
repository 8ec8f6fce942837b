package org.powledger.domain.model;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** The server-assigned, opaque id of an exchange record. */
public record ExchangeId(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    public ExchangeId {
        if (value == null || !SHAPE.matcher(value).matches()) {
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

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
