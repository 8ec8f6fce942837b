package org.powledger.persistence.postgresql;

import java.util.Map;

/**
 * Where a PostgreSQL ledger lives: a {@code jdbc:postgresql:} URL and the credentials to reach it, from
 * the URL itself ({@code ?user=…&password=…}) or from {@code POWLEDGER_DB_USER} / {@code POWLEDGER_DB_PASSWORD}.
 * {@link #toString()} names the database without any credential, so that no message or log shows one.
 */
public record PostgresLocation(String url, String user, String password) {

    public static final String PREFIX = "jdbc:postgresql:";

    public PostgresLocation {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL URL: it must start with " + PREFIX);
        }
    }

    /** The location a {@code --db} URL names, with the credentials of {@code environment} unless the URL has its own. */
    public static PostgresLocation of(String url, Map<String, String> environment) {
        return new PostgresLocation(url, environment.get("POWLEDGER_DB_USER"), environment.get("POWLEDGER_DB_PASSWORD"));
    }

    /** The URL up to its parameters: host, port and database, never a user or password. */
    @Override
    public String toString() {
        int parameters = url.indexOf('?');
        String bare = parameters < 0 ? url : url.substring(0, parameters);
        int at = bare.indexOf('@');
        return at < 0 ? bare : PREFIX + "//" + bare.substring(at + 1);
    }
}
