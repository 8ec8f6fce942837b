package org.powledger.domain.model;

import java.util.regex.Pattern;

/** The server-assigned, opaque id of a report. */
public record ReportId(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    public ReportId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw InvalidRecord.of("", "is not a report id");
        }
    }

    public static ReportId of(String value) {
        return new ReportId(value);
    }

    public static ReportId random() {
        return new ReportId("rp_" + ExchangeId.randomBase32(16));
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
